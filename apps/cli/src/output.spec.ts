import { displayWidth, printTable } from './output';

describe('printTable', () => {
  it('aligns columns, Chinese characters two wide', () => {
    const lines: string[] = [];
    jest.spyOn(console, 'log').mockImplementation((line: string) => lines.push(line));
    printTable(
      [
        { court: 'xinzhou', name: '忻州市中级人民法院', open: 3 },
        { court: 'yulin', name: 'Yulin', open: null },
      ],
      [
        { heading: 'court', value: (row) => row.court },
        { heading: 'name', value: (row) => row.name },
        { heading: 'open', value: (row) => row.open },
      ],
    );
    expect(lines).toEqual([
      'COURT    NAME                OPEN',
      'xinzhou  忻州市中级人民法院  3',
      'yulin    Yulin               -',
    ]);
    expect(displayWidth('忻州 A')).toBe(6);
    jest.restoreAllMocks();
  });
});
