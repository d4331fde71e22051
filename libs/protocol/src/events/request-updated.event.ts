import { ArrayMaxSize, IsArray, IsInt, IsUUID, Min } from 'class-validator';
import { IsCourtCode } from '../courts/court-code';
import { RequestKind, Side } from '../lifecycle/lifecycle';
import { RequestState } from '../lifecycle/request-state';
import { MATTER_TYPES, MatterType } from '../messages/delegation.messages';
import { RETURN_REASONS, ReturnReason } from '../messages/request.messages';
import { Described } from '../validation/described';
import { IsOneOf } from '../validation/is-one-of';
import { Nested } from '../validation/nested';
import { OptionalField } from '../validation/optional-field';
import { IsFenAmount } from '../values/money';
import { IsTimestamp } from '../values/time';

export const REQUEST_KINDS: readonly RequestKind[] = ['asset-search', 'delegation'];
export const SIDES: readonly Side[] = ['requesting', 'receiving'];

/** The state a request first entered at each milestone, as the publishing court saw it. */
export const MILESTONE_STATES = {
  sentAt: RequestState.Sent,
  deliveredAt: RequestState.Delivered,
  acceptedAt: RequestState.Accepted,
  returnedAt: RequestState.Returned,
  resultReportedAt: RequestState.ResultReported,
  closedAt: RequestState.Closed,
  withdrawnAt: RequestState.Withdrawn,
} as const;
export type Milestone = keyof typeof MILESTONE_STATES;

const DAYS_RULE = 'a list of at most 100 whole numbers of days from 0';

/** When the request first entered each state on the way; a state not reached yet is absent. */
export class RequestMilestones {
  @OptionalField()
  @IsTimestamp()
  sentAt?: string;

  /** The receiving court stored the request (its transport receipt): signed in. */
  @OptionalField()
  @IsTimestamp()
  deliveredAt?: string;

  @OptionalField()
  @IsTimestamp()
  acceptedAt?: string;

  @OptionalField()
  @IsTimestamp()
  returnedAt?: string;

  /** The first result; a disputed result answered again keeps this time. */
  @OptionalField()
  @IsTimestamp()
  resultReportedAt?: string;

  @OptionalField()
  @IsTimestamp()
  closedAt?: string;

  @OptionalField()
  @IsTimestamp()
  withdrawnAt?: string;
}

/** Money of a delegation as the publishing court's books show it, in fen, all of it so far. */
export class RequestAmounts {
  /** Recovered by the receiving court (known to it only). */
  @IsFenAmount()
  recoveredFen: number;

  /** Transferred to the requesting court's case account. */
  @IsFenAmount()
  transferredFen: number;

  /** Confirmed as received by the requesting court. */
  @IsFenAmount()
  confirmedFen: number;

  /**
   * Requesting side: of the money confirmed, how much the court has paid out to the winning
   * party, the money that arrived first in a case account paid out first.
   */
  @OptionalField()
  @IsFenAmount()
  paidOutFen?: number;

  /**
   * Requesting side: for each transfer on this request paid out in full, the calendar days from
   * its arrival in the case account to the payout that paid its last fen.
   */
  @OptionalField()
  @IsArray({ message: DAYS_RULE })
  @ArrayMaxSize(100, { message: DAYS_RULE })
  @IsInt({ each: true, message: DAYS_RULE })
  @Min(0, { each: true, message: DAYS_RULE })
  daysToPayout?: number[];
}

@Described(
  '`request.updated` event — one request as the publishing court sees it after a change of its state, flags, time limit or funds: a snapshot, so the newest one of each court replaces the older ones. Published for the enforcement command centres on `<namespace>.events.v1.<court>.request.updated`. It carries no party names or identity numbers.',
)
export class RequestUpdatedEvent {
  /** Unique per event; also its `Nats-Msg-Id`. */
  @IsUUID('all', { message: 'a UUID' })
  id: string;

  /** The court that publishes the event: one of the request's two courts. */
  @IsCourtCode()
  court: string;

  /** Which end of the request the publishing court is. */
  @IsOneOf(SIDES)
  side: Side;

  /** When the change was committed; orders two snapshots of the same court and state. */
  @IsTimestamp()
  occurredAt: string;

  @IsUUID('all', { message: 'a UUID' })
  requestId: string;

  @IsOneOf(REQUEST_KINDS)
  kind: RequestKind;

  /** Delegations only. */
  @OptionalField()
  @IsOneOf(MATTER_TYPES)
  matterType?: MatterType;

  @IsCourtCode()
  requestingCourt: string;

  /** The court that handles the request now, as the publishing court knows it. */
  @IsCourtCode()
  receivingCourt: string;

  /** Receiving side: the court it passed the task on to. */
  @OptionalField()
  @IsCourtCode()
  forwardedTo?: string;

  @IsOneOf(Object.values(RequestState))
  state: RequestState;

  @IsTimestamp()
  stateSince: string;

  @Nested(() => RequestMilestones)
  milestones: RequestMilestones;

  /** When the current step is due; absent when nothing is due. */
  @OptionalField()
  @IsTimestamp()
  dueAt?: string;

  /** Set while the current step is past its time limit: the OVERDUE flag. */
  @OptionalField()
  @IsTimestamp()
  overdueSince?: string;

  /** Set once the request was escalated to the superior court: the ESCALATED flag. */
  @OptionalField()
  @IsTimestamp()
  escalatedAt?: string;

  /** Why the receiving court returned the request, when it did. */
  @OptionalField()
  @IsOneOf(RETURN_REASONS)
  returnReason?: ReturnReason;

  /** Present when the change moved money; a snapshot without it leaves the amounts as they were. */
  @OptionalField()
  @Nested(() => RequestAmounts)
  amounts?: RequestAmounts;
}
