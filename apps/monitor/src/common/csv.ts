/**
 * RFC 4180 CSV of flat rows, columns in the order of the first row, with a byte-order mark so
 * spreadsheet programs read the Chinese names as UTF-8. Cells that a spreadsheet would run as a
 * formula are quoted with a leading apostrophe.
 */
export function toCsv(rows: Record<string, unknown>[]): string {
  const columns = [...new Set(rows.flatMap((row) => Object.keys(row)))];
  const lines = [columns, ...rows.map((row) => columns.map((column) => row[column]))].map((cells) =>
    cells.map(cell).join(','),
  );
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

function cell(value: unknown): string {
  if (value === null || value === undefined) return '';
  let written = text(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(written)) written = `'${written}`;
  return /[",\r\n]/.test(written) ? `"${written.replaceAll('"', '""')}"` : written;
}

function text(value: unknown): string {
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return value.toString();
  return JSON.stringify(value);
}
