import { FINAL_STATES, RequestState, RequestUpdatedEvent } from '@enforcement-link/protocol';

/** One request as the monitor keeps it: merged from the snapshots of both its courts. */
export interface ProjectedRequest {
  request_id: string;
  kind: RequestUpdatedEvent['kind'];
  matter_type: string | null;
  requesting_court: string;
  receiving_court: string;
  forwarded_to: string | null;
  state: RequestState;
  is_open: boolean;
  state_since: string;
  /** When the snapshot that set the state was taken; breaks ties between two of one state. */
  snapshot_at: string;
  /** The earliest time known for the request: when it was sent, or else first seen. */
  opened_at: string;
  due_at: string | null;
  overdue_since: string | null;
  was_overdue: boolean;
  escalated_at: string | null;
  return_reason: string | null;
  sent_at: string | null;
  delivered_at: string | null;
  accepted_at: string | null;
  returned_at: string | null;
  result_reported_at: string | null;
  closed_at: string | null;
  withdrawn_at: string | null;
  /** The first answer that settled it: a result, a return, or the close. */
  concluded_at: string | null;
  recovered_fen: number;
  transferred_fen: number;
  confirmed_fen: number;
  /** When it first reached a final state (closed, returned, withdrawn): it left the backlog. */
  ended_at: string | null;
  paid_out_fen: number;
  /** Per transfer paid out in full, days from its arrival to that payout (requesting court). */
  payout_days: number[] | null;
}

const MILESTONE_COLUMNS = {
  sentAt: 'sent_at',
  deliveredAt: 'delivered_at',
  acceptedAt: 'accepted_at',
  returnedAt: 'returned_at',
  resultReportedAt: 'result_reported_at',
  closedAt: 'closed_at',
  withdrawnAt: 'withdrawn_at',
} as const;

/**
 * Folds one court's snapshot into what the monitor knows of its request. The two courts of a
 * request publish independently and their events may arrive in any order, so the merge does
 * not depend on order: the state comes from the snapshot whose state began last (the other
 * court learns of a change after the court that made it); a milestone keeps the earliest time
 * either court saw; amounts keep the highest figure either court's books show; a request once
 * overdue stays counted as late.
 */
export function mergeSnapshot(
  current: ProjectedRequest | undefined,
  event: RequestUpdatedEvent,
): ProjectedRequest {
  const newer =
    !current ||
    compareInstants(event.stateSince, current.state_since) > 0 ||
    (compareInstants(event.stateSince, current.state_since) === 0 &&
      compareInstants(event.occurredAt, current.snapshot_at) >= 0);
  const latest = newer
    ? {
        state: event.state,
        state_since: event.stateSince,
        snapshot_at: event.occurredAt,
        receiving_court: event.receivingCourt,
        due_at: event.dueAt ?? null,
        overdue_since: event.overdueSince ?? null,
      }
    : pick(current, [
        'state',
        'state_since',
        'snapshot_at',
        'receiving_court',
        'due_at',
        'overdue_since',
      ]);
  const milestones = Object.fromEntries(
    Object.entries(MILESTONE_COLUMNS).map(([field, column]) => [
      column,
      earliest(current?.[column], event.milestones[field as keyof typeof MILESTONE_COLUMNS]),
    ]),
  ) as Pick<ProjectedRequest, (typeof MILESTONE_COLUMNS)[keyof typeof MILESTONE_COLUMNS]>;
  return {
    request_id: event.requestId,
    kind: event.kind,
    matter_type: event.matterType ?? current?.matter_type ?? null,
    requesting_court: event.requestingCourt,
    forwarded_to: event.forwardedTo ?? current?.forwarded_to ?? null,
    ...latest,
    is_open: !FINAL_STATES.has(latest.state),
    opened_at: earliest(
      earliest(current?.opened_at, milestones.sent_at ?? milestones.delivered_at),
      event.stateSince,
    ) as string,
    was_overdue: (current?.was_overdue ?? false) || event.overdueSince !== undefined,
    escalated_at: earliest(current?.escalated_at, event.escalatedAt),
    return_reason: event.returnReason ?? current?.return_reason ?? null,
    ...milestones,
    concluded_at: earliest(
      earliest(milestones.result_reported_at, milestones.returned_at),
      milestones.closed_at,
    ),
    recovered_fen: Math.max(current?.recovered_fen ?? 0, event.amounts?.recoveredFen ?? 0),
    transferred_fen: Math.max(current?.transferred_fen ?? 0, event.amounts?.transferredFen ?? 0),
    confirmed_fen: Math.max(current?.confirmed_fen ?? 0, event.amounts?.confirmedFen ?? 0),
    paid_out_fen: Math.max(current?.paid_out_fen ?? 0, event.amounts?.paidOutFen ?? 0),
    // Transfers are only ever added and paid out: the longer list is the newer one.
    payout_days: longer(current?.payout_days ?? null, event.amounts?.daysToPayout ?? null),
    ended_at: earliest(
      earliest(milestones.closed_at, milestones.returned_at),
      milestones.withdrawn_at,
    ),
  };
}

function compareInstants(a: string, b: string): number {
  return Date.parse(a) - Date.parse(b);
}

function earliest(a: string | null | undefined, b: string | null | undefined): string | null {
  if (!a) return b ?? null;
  if (!b) return a;
  return compareInstants(a, b) <= 0 ? a : b;
}

function longer(a: number[] | null, b: number[] | null): number[] | null {
  if (!a) return b;
  if (!b) return a;
  return b.length >= a.length ? b : a;
}

function pick<T, K extends keyof T>(object: T, keys: K[]): Pick<T, K> {
  return Object.fromEntries(keys.map((key) => [key, object[key]])) as Pick<T, K>;
}
