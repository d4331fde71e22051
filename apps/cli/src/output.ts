/** A column of a table: its heading and how a row shows in it. */
export interface Column<Row> {
  heading: string;
  value: (row: Row) => unknown;
}

/**
 * Prints rows as an aligned table for people; Chinese characters count two columns wide, as
 * terminals draw them. Says so when there is nothing to show.
 */
export function printTable<Row>(rows: Row[], columns: Column<Row>[], empty = 'nothing'): void {
  if (rows.length === 0) {
    console.log(empty);
    return;
  }
  const cells = rows.map((row) => columns.map((column) => cellText(column.value(row))));
  const widths = columns.map((column, i) =>
    Math.max(displayWidth(column.heading), ...cells.map((line) => displayWidth(line[i]))),
  );
  const line = (values: string[]) =>
    values
      .map((value, i) => value + ' '.repeat(widths[i] - displayWidth(value)))
      .join('  ')
      .trimEnd();
  console.log(line(columns.map((column) => column.heading.toUpperCase())));
  for (const values of cells) console.log(line(values));
}

/** A table of records whose columns are their keys, in order of first appearance. */
export function printRecords(rows: Record<string, unknown>[], empty?: string): void {
  const keys = [...new Set(rows.flatMap((row) => Object.keys(row)))];
  printTable(
    rows,
    keys.map((key) => ({
      heading: key.replace(/([a-z0-9])([A-Z])/g, '$1 $2'),
      value: (row) => row[key],
    })),
    empty,
  );
}

/**
 * A step of a longer command, for the person watching it: on standard error, so what is
 * printed on standard output stays the answer; nothing with `--json`, which scripts read.
 */
export function progress(options: Record<string, string | true>, step: string): void {
  if (!options.json) process.stderr.write(`${step}\n`);
}

/** `--json`: the answer as it came; otherwise what `human` prints. */
export function printAnswer<T>(
  options: Record<string, string | true>,
  answer: T,
  human: (answer: T) => void,
): void {
  if (options.json) console.log(JSON.stringify(answer, null, 2));
  else human(answer);
}

/** A value as one cell shows it: '-' for nothing, objects as JSON. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '-';
  if (typeof value === 'string') return value;
  return typeof value === 'number' || typeof value === 'boolean'
    ? `${value}`
    : JSON.stringify(value);
}

export function displayWidth(text: string): number {
  let width = 0;
  for (const character of text) width += (character.codePointAt(0) ?? 0) >= 0x2e80 ? 2 : 1;
  return width;
}
