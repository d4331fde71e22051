/**
 * Where a request (asset search or delegation) stands, the same on both sides. OVERDUE and
 * ESCALATED are flags beside the state, not states.
 */
export enum RequestState {
  Sent = 'SENT',
  Delivered = 'DELIVERED',
  Accepted = 'ACCEPTED',
  InProgress = 'IN_PROGRESS',
  AwaitingSupplement = 'AWAITING_SUPPLEMENT',
  ResultReported = 'RESULT_REPORTED',
  Closed = 'CLOSED',
  Returned = 'RETURNED',
  Withdrawn = 'WITHDRAWN',
}

export const FINAL_STATES: ReadonlySet<RequestState> = new Set([
  RequestState.Closed,
  RequestState.Returned,
  RequestState.Withdrawn,
]);
