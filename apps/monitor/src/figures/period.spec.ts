import { periodOfDays, periodOfMonth } from './period';

describe('periods of China Standard Time days', () => {
  it('counts whole days, both ends included', () => {
    expect(periodOfDays('2024-03-01', '2024-03-31')).toEqual({
      from: new Date('2024-02-29T16:00:00Z'),
      until: new Date('2024-03-31T16:00:00Z'),
    });
  });

  it('leaves an end open when it is not given', () => {
    expect(periodOfDays(undefined, '2024-03-01')).toEqual({
      until: new Date('2024-03-01T16:00:00Z'),
    });
    expect(periodOfDays()).toEqual({});
  });

  it('takes a month to the first day of the next, across the year end', () => {
    expect(periodOfMonth('2024-02')).toEqual({
      from: new Date('2024-01-31T16:00:00Z'),
      until: new Date('2024-02-29T16:00:00Z'),
    });
    expect(periodOfMonth('2024-12').until).toEqual(new Date('2024-12-31T16:00:00Z'));
  });
});
