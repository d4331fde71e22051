import {
  EXAMPLE_MONITOR_EVENTS,
  RequestState,
  RequestUpdatedEvent,
} from '@enforcement-link/protocol';
import { mergeSnapshot, ProjectedRequest } from './projected-request';

const BASE = EXAMPLE_MONITOR_EVENTS['request.updated'];

function snapshot(change: Partial<RequestUpdatedEvent>): RequestUpdatedEvent {
  return { ...BASE, milestones: {}, ...change };
}

/** Xinzhou asks Yulin; each court publishes what it sees. */
const sent = snapshot({
  court: 'xinzhou',
  side: 'requesting',
  state: RequestState.Sent,
  stateSince: '2024-03-01T01:00:00.000Z',
  occurredAt: '2024-03-01T01:00:00.000Z',
  milestones: { sentAt: '2024-03-01T01:00:00.000Z' },
  amounts: { recoveredFen: 0, transferredFen: 0, confirmedFen: 0 },
});
const deliveredAtYulin = snapshot({
  court: 'yulin',
  side: 'receiving',
  state: RequestState.Delivered,
  stateSince: '2024-03-01T01:00:01.000Z',
  occurredAt: '2024-03-01T01:00:01.000Z',
  milestones: { deliveredAt: '2024-03-01T01:00:01.000Z' },
  amounts: { recoveredFen: 0, transferredFen: 0, confirmedFen: 0 },
});
const acceptedAtYulin = snapshot({
  ...deliveredAtYulin,
  state: RequestState.Accepted,
  stateSince: '2024-03-02T06:00:00.000Z',
  occurredAt: '2024-03-02T06:00:00.000Z',
  milestones: { ...deliveredAtYulin.milestones, acceptedAt: '2024-03-02T06:00:00.000Z' },
  dueAt: '2024-03-17T15:59:59.000Z',
});
const acceptedAtXinzhou = snapshot({
  ...sent,
  state: RequestState.Accepted,
  stateSince: '2024-03-02T06:00:02.000Z',
  occurredAt: '2024-03-02T06:00:02.000Z',
  milestones: {
    sentAt: '2024-03-01T01:00:00.000Z',
    deliveredAt: '2024-03-01T01:00:02.000Z',
    acceptedAt: '2024-03-02T06:00:02.000Z',
  },
  dueAt: '2024-03-17T15:59:59.000Z',
});

function fold(events: RequestUpdatedEvent[]): ProjectedRequest {
  return events.reduce<ProjectedRequest | undefined>(mergeSnapshot, undefined) as ProjectedRequest;
}

describe('mergeSnapshot', () => {
  it('follows the request through both courts’ snapshots', () => {
    const merged = fold([sent, deliveredAtYulin, acceptedAtYulin, acceptedAtXinzhou]);
    expect(merged).toMatchObject({
      state: RequestState.Accepted,
      is_open: true,
      opened_at: '2024-03-01T01:00:00.000Z',
      sent_at: '2024-03-01T01:00:00.000Z',
      // The earliest either court saw: Yulin stored it before Xinzhou had the receipt.
      delivered_at: '2024-03-01T01:00:01.000Z',
      accepted_at: '2024-03-02T06:00:00.000Z',
      due_at: '2024-03-17T15:59:59.000Z',
      was_overdue: false,
      concluded_at: null,
    });
  });

  it('gives the same result whatever order the events arrive in', () => {
    const inOrder = fold([sent, deliveredAtYulin, acceptedAtYulin, acceptedAtXinzhou]);
    const shuffled = fold([acceptedAtXinzhou, deliveredAtYulin, sent, acceptedAtYulin]);
    expect(shuffled).toEqual(inOrder);
  });

  it('keeps a newer state when an older snapshot arrives late', () => {
    const merged = fold([acceptedAtYulin, deliveredAtYulin]);
    expect(merged.state).toBe(RequestState.Accepted);
  });

  it('takes a flag set later on the same state, and remembers the request was late', () => {
    const overdue = snapshot({
      ...acceptedAtXinzhou,
      occurredAt: '2024-03-18T00:00:00.000Z',
      overdueSince: '2024-03-17T15:59:59.000Z',
      escalatedAt: '2024-03-18T00:00:00.000Z',
    });
    const result = snapshot({
      ...acceptedAtYulin,
      state: RequestState.ResultReported,
      stateSince: '2024-03-20T00:00:00.000Z',
      occurredAt: '2024-03-20T00:00:00.000Z',
      milestones: { ...acceptedAtYulin.milestones, resultReportedAt: '2024-03-20T00:00:00.000Z' },
      dueAt: undefined,
    });
    const late = fold([acceptedAtXinzhou, overdue]);
    expect(late).toMatchObject({ overdue_since: '2024-03-17T15:59:59.000Z', was_overdue: true });
    const answered = mergeSnapshot(late, result);
    expect(answered).toMatchObject({
      state: RequestState.ResultReported,
      overdue_since: null,
      was_overdue: true,
      escalated_at: '2024-03-18T00:00:00.000Z',
      concluded_at: '2024-03-20T00:00:00.000Z',
    });
  });

  it('closes a returned request with its reason', () => {
    const returned = snapshot({
      ...deliveredAtYulin,
      state: RequestState.Returned,
      stateSince: '2024-03-03T00:00:00.000Z',
      occurredAt: '2024-03-03T00:00:00.000Z',
      milestones: { ...deliveredAtYulin.milestones, returnedAt: '2024-03-03T00:00:00.000Z' },
      returnReason: 'NOT_IN_JURISDICTION',
    });
    expect(fold([sent, returned])).toMatchObject({
      is_open: false,
      return_reason: 'NOT_IN_JURISDICTION',
      concluded_at: '2024-03-03T00:00:00.000Z',
      ended_at: '2024-03-03T00:00:00.000Z',
    });
  });

  it('keeps the highest amounts either court’s books show', () => {
    const recovered = snapshot({
      ...acceptedAtYulin,
      occurredAt: '2024-03-05T00:00:00.000Z',
      amounts: { recoveredFen: 500_000, transferredFen: 300_000, confirmedFen: 0 },
    });
    const confirmed = snapshot({
      ...acceptedAtXinzhou,
      occurredAt: '2024-03-06T00:00:00.000Z',
      amounts: {
        recoveredFen: 0,
        transferredFen: 300_000,
        confirmedFen: 300_000,
        paidOutFen: 0,
        daysToPayout: [],
      },
    });
    const paidOut = snapshot({
      ...confirmed,
      occurredAt: '2024-03-09T00:00:00.000Z',
      amounts: { ...confirmed.amounts!, paidOutFen: 300_000, daysToPayout: [3] },
    });
    expect(fold([recovered, confirmed])).toMatchObject({
      recovered_fen: 500_000,
      transferred_fen: 300_000,
      confirmed_fen: 300_000,
      paid_out_fen: 0,
      payout_days: [],
    });
    expect(fold([paidOut, recovered, confirmed])).toMatchObject({
      paid_out_fen: 300_000,
      payout_days: [3],
    });
  });

  it('names the court a request was forwarded to', () => {
    const forwarded = snapshot({ ...acceptedAtYulin, forwardedTo: 'yulin-yuyang' });
    expect(fold([forwarded, acceptedAtXinzhou]).forwarded_to).toBe('yulin-yuyang');
  });
});
