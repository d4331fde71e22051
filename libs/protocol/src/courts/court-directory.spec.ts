import { CourtDirectory } from './court-directory';
import { YELLOW_RIVER_BEND_COURTS } from './yellow-river-bend.courts';

type Record = (typeof YELLOW_RIVER_BEND_COURTS)[number];

function withChange(code: string, change: object): object[] {
  return YELLOW_RIVER_BEND_COURTS.map((court: Record) =>
    court.code === code ? { ...court, ...change } : court,
  );
}

describe('CourtDirectory', () => {
  const directory = CourtDirectory.from(YELLOW_RIVER_BEND_COURTS);

  it('holds the ten intermediate courts of the agreement, under five high courts', () => {
    const intermediate = directory.all.filter((court) => court.level === 'intermediate');
    expect(intermediate.map((court) => court.code).sort()).toEqual([
      'baotou',
      'bayannur',
      'lvliang',
      'ordos',
      'qingyang',
      'wuhai',
      'wuzhong',
      'xinzhou',
      'yanan',
      'yulin',
    ]);
    expect(new Set(intermediate.map((court) => court.superiorCourt)).size).toBe(5);
  });

  it('finds a court with its names, province and case-number code', () => {
    expect(directory.find('xinzhou')).toMatchObject({
      name: { zh: '忻州市中级人民法院' },
      province: 'shanxi',
      caseNumberCode: '晋09',
      superiorCourt: 'shanxi-high',
    });
    expect(directory.find('atlantis')).toBeUndefined();
  });

  it('says which court takes which matter', () => {
    expect(directory.acceptsMatter('yulin', 'freeze-deposit')).toBe(true);
    expect(directory.acceptsMatter('shaanxi-high', 'freeze-deposit')).toBe(false);
    expect(directory.acceptsMatter('atlantis', 'freeze-deposit')).toBe(false);
    expect(directory.acceptsAssetSearches('ordos-dongsheng')).toBe(true);
  });

  it.each([
    ['an invalid court code', 'wuhai', { code: 'Wu Hai' }, /court 1\d \(Wu Hai\): code/],
    ['an unknown matter type', 'wuhai', { matterTypes: ['teleport'] }, /matterTypes/],
    ['a missing superior court', 'wuhai', { superiorCourt: undefined }, /superiorCourt/],
    [
      'a superior court not in the directory',
      'wuhai',
      { superiorCourt: 'atlantis-high' },
      /atlantis-high is not in the directory/,
    ],
    [
      'a basic court directly under a high court',
      'xinzhou-xinfu',
      { superiorCourt: 'shanxi-high' },
      /basic court cannot be under the high court/,
    ],
    [
      'an area outside the superior court’s',
      'xinzhou-xinfu',
      { divisionCode: '141102' },
      /not inside xinzhou/,
    ],
    [
      'a case-number code of another province',
      'wuhai',
      { caseNumberCode: '晋03' },
      /does not start with 内/,
    ],
    ['an unknown field', 'wuhai', { telephone: '0473' }, /telephone/],
  ])('refuses a directory with %s', (_what, code, change, problem) => {
    expect(() => CourtDirectory.from(withChange(code, change))).toThrow(problem);
  });

  it('refuses a court listed twice', () => {
    expect(() =>
      CourtDirectory.from([...YELLOW_RIVER_BEND_COURTS, YELLOW_RIVER_BEND_COURTS[5]]),
    ).toThrow(/xinzhou: listed twice/);
  });
});
