import { MatterType, RequestKind, RequestState } from '@enforcement-link/protocol';

const DAY_MS = 24 * 60 * 60 * 1000;
/** Days to accept or return a request once it has arrived. */
const DAYS_TO_SIGN_IN = 7;
/** Days to finish a single matter once accepted; investigations take longer. */
const DAYS_TO_FINISH = 15;
const DAYS_TO_FINISH_INVESTIGATION = 30;
/** Days the requesting court has to provide a requested supplement. */
const DAYS_TO_SUPPLEMENT = 30;

/**
 * When the step a request has just entered is due, in calendar days from `since`; null when
 * nothing is due (the requesting court's turn to confirm, or a final state). A request that
 * goes back to work (a supplement provided, a result disputed) gets the full time again.
 */
export function dueDateFor(
  kind: RequestKind,
  matterType: MatterType | null,
  state: RequestState,
  since: Date,
): Date | null {
  const days = daysAllowed(kind, matterType, state);
  return days === undefined ? null : new Date(since.getTime() + days * DAY_MS);
}

function daysAllowed(
  kind: RequestKind,
  matterType: MatterType | null,
  state: RequestState,
): number | undefined {
  switch (state) {
    case RequestState.Sent:
    case RequestState.Delivered:
      return DAYS_TO_SIGN_IN;
    case RequestState.Accepted:
    case RequestState.InProgress:
      return kind === 'delegation' && matterType === 'investigate-assets'
        ? DAYS_TO_FINISH_INVESTIGATION
        : DAYS_TO_FINISH;
    case RequestState.AwaitingSupplement:
      return DAYS_TO_SUPPLEMENT;
    default:
      return undefined;
  }
}
