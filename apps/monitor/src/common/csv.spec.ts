import { toCsv } from './csv';

describe('toCsv', () => {
  it('writes a header from the rows and one line per row', () => {
    expect(
      toCsv([
        { court: 'yulin', open: 3 },
        { court: 'xinzhou', open: 0, overdue: 1 },
      ]),
    ).toBe('\uFEFFcourt,open,overdue\r\nyulin,3,\r\nxinzhou,0,1\r\n');
  });

  it('quotes commas, quotes and line breaks', () => {
    expect(toCsv([{ note: 'a, "b"\nc' }])).toBe('\uFEFFnote\r\n"a, ""b""\nc"\r\n');
  });

  it('defuses cells a spreadsheet would run as formulas, not negative numbers', () => {
    expect(toCsv([{ name: '=HYPERLINK("x")', delta: -2 }])).toBe(
      '\uFEFFname,delta\r\n"\'=HYPERLINK(""x"")",-2\r\n',
    );
  });

  it('writes times as ISO 8601 and an empty table as an empty file with its mark', () => {
    expect(toCsv([{ at: new Date('2024-03-01T00:00:00Z') }])).toBe(
      '\uFEFFat\r\n2024-03-01T00:00:00.000Z\r\n',
    );
    expect(toCsv([])).toBe('\uFEFF\r\n');
  });
});
