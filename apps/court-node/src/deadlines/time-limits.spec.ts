import { RequestState } from '@enforcement-link/protocol';
import { dueDateFor } from './time-limits';

const since = new Date('2026-03-02T08:00:00+08:00');
const daysLater = (days: number) => new Date(since.getTime() + days * 86_400_000);

describe('dueDateFor', () => {
  it.each([
    ['asset-search', null, RequestState.Sent, daysLater(7)],
    ['delegation', 'freeze-deposit', RequestState.Delivered, daysLater(7)],
    ['delegation', 'freeze-deposit', RequestState.Accepted, daysLater(15)],
    ['delegation', 'investigate-assets', RequestState.InProgress, daysLater(30)],
    ['asset-search', null, RequestState.InProgress, daysLater(15)],
    ['delegation', 'seal-vehicle', RequestState.AwaitingSupplement, daysLater(30)],
    ['delegation', 'seal-vehicle', RequestState.ResultReported, null],
    ['delegation', 'seal-vehicle', RequestState.Closed, null],
    ['asset-search', null, RequestState.Withdrawn, null],
  ] as const)('gives a %s (%s) entering %s the due date %s', (kind, matter, state, due) => {
    expect(dueDateFor(kind, matter, state, since)).toEqual(due);
  });
});
