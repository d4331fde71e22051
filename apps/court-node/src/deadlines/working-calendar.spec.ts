import { WorkingCalendar } from './working-calendar';

/** The 2026 National Day holiday: 1 to 7 October off, Sunday 27 September and Saturday 10 October worked. */
const calendar = new WorkingCalendar({
  holidays: ['2026-10-01', '2026-10-02', '2026-10-05', '2026-10-06', '2026-10-07'],
  workingWeekendDays: ['2026-09-27', '2026-10-10'],
});
const at = (instant: string) => new Date(instant);
const endOf = (date: string) => new Date(`${date}T23:59:59.999+08:00`);

describe('WorkingCalendar', () => {
  it.each([
    ['a weekday', '2026-03-04', true],
    ['a Saturday', '2026-03-07', false],
    ['a holiday on a weekday', '2026-10-05', false],
    ['a weekend day worked in its place', '2026-09-27', true],
  ])('tells %s (%s) is a working day: %s', (_what, date, expected) => {
    expect(calendar.isWorkingDay(date)).toBe(expected);
  });

  it.each([
    // Start day not counted; ends at 24:00 China time of the last day.
    ['7 days from a Monday morning', '2026-03-02T09:00:00+08:00', 7, 'days', '2026-03-09'],
    // 23:30 UTC on 1 March is already 2 March in China.
    ['7 days counted in China time', '2026-03-01T23:30:00Z', 7, 'days', '2026-03-09'],
    // Last day a Saturday: the period runs to the next working day.
    ['15 days ending on a weekend', '2026-03-06T10:00:00+08:00', 15, 'days', '2026-03-23'],
    [
      '7 days ending in the National Day holiday',
      '2026-09-28T10:00:00+08:00',
      7,
      'days',
      '2026-10-08',
    ],
    [
      '5 working days across a weekend',
      '2026-03-05T10:00:00+08:00',
      5,
      'working-days',
      '2026-03-12',
    ],
    [
      '5 working days across the holiday and its make-up Saturday',
      '2026-09-29T10:00:00+08:00',
      5,
      'working-days',
      '2026-10-12',
    ],
    ['6 months', '2026-03-02T10:00:00+08:00', 6, 'months', '2026-09-02'],
    ['6 months from the 31st of a month', '2026-03-31T10:00:00+08:00', 6, 'months', '2026-09-30'],
  ] as const)('%s', (_what, start, amount, unit, lastDay) => {
    expect(calendar.dueAt(at(start), { amount, unit })).toEqual(endOf(lastDay));
  });

  it.each([
    ['30 days', 30, 'days', '2027-03-14', '2027-02-12'],
    ['5 working days over a weekend', 5, 'working-days', '2026-03-16', '2026-03-09'],
    ['1 month', 1, 'months', '2026-03-31', '2026-02-28'],
  ] as const)('counts %s back from a date', (_what, amount, unit, date, expected) => {
    expect(calendar.dayBefore(date, { amount, unit })).toBe(expected);
  });

  it('finds the start of a period in days at the start of its first day, China time', () => {
    expect(
      calendar.startBefore(at('2026-03-16T10:00:00+08:00'), { amount: 5, unit: 'working-days' }),
    ).toEqual(at('2026-03-09T00:00:00+08:00'));
  });

  it('counts minutes in plain time, holidays and the end of the day left aside', () => {
    const start = at('2026-10-01T23:55:00+08:00');
    expect(calendar.dueAt(start, { amount: 10, unit: 'minutes' })).toEqual(
      at('2026-10-02T00:05:00+08:00'),
    );
    expect(calendar.startBefore(start, { amount: 10, unit: 'minutes' })).toEqual(
      at('2026-10-01T23:45:00+08:00'),
    );
  });
});
