import { RequestState } from '@enforcement-link/protocol';
import { DEFAULT_DEADLINE_POLICY, timeLimitFor } from './deadline-policy';
import { parseDeadlinePolicy } from './load-deadline-policy';

describe('timeLimitFor', () => {
  it.each([
    ['asset-search', null, RequestState.Sent, 7],
    ['delegation', 'freeze-deposit', RequestState.Delivered, 7],
    ['delegation', 'freeze-deposit', RequestState.Accepted, 15],
    ['delegation', 'investigate-assets', RequestState.InProgress, 30],
    ['asset-search', null, RequestState.InProgress, 15],
    ['delegation', 'seal-vehicle', RequestState.AwaitingSupplement, 30],
    ['delegation', 'seal-vehicle', RequestState.ResultReported, undefined],
    ['delegation', 'seal-vehicle', RequestState.Closed, undefined],
    ['asset-search', null, RequestState.Withdrawn, undefined],
  ] as const)('gives a %s (%s) entering %s %s days', (kind, matter, state, days) => {
    expect(timeLimitFor(DEFAULT_DEADLINE_POLICY, kind, matter, state)?.amount).toBe(days);
  });
});

describe('parseDeadlinePolicy', () => {
  it('takes the defaults for what a policy file leaves out', () => {
    const policy = parseDeadlinePolicy('{"signIn": {"amount": 5, "unit": "working-days"}}');
    expect(policy).toEqual({
      ...DEFAULT_DEADLINE_POLICY,
      signIn: { amount: 5, unit: 'working-days' },
    });
  });

  it('names every field it refuses', () => {
    expect(() =>
      parseDeadlinePolicy(
        JSON.stringify({
          finish: { amount: 0, unit: 'weeks' },
          calendar: { holidays: ['2026-02-30'], workingWeekendDays: [] },
          lunchBreak: true,
        }),
      ),
    ).toThrow(
      /finish\.amount: a whole number from 1 to 3650[\s\S]*finish\.unit: one of days, working-days, months[\s\S]*calendar\.holidays\[0\]|lunchBreak/,
    );
  });

  it('refuses what is not JSON', () => {
    expect(() => parseDeadlinePolicy('{')).toThrow(/not JSON/);
  });
});
