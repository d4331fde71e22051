import { MessageType } from '../messages/catalogue';
import { FINAL_STATES, RequestState } from './request-state';

export type RequestKind = 'asset-search' | 'delegation';
/** Which court sends a message: the one that asked for help, or the one asked. */
export type Side = 'requesting' | 'receiving';

const { Sent, Delivered, Accepted, InProgress, AwaitingSupplement, ResultReported, Closed } =
  RequestState;
const OPEN: RequestState[] = [
  Sent,
  Delivered,
  Accepted,
  InProgress,
  AwaitingSupplement,
  ResultReported,
];
const WORKING: RequestState[] = [Accepted, InProgress];
const ANY: RequestState[] = [...OPEN, ...FINAL_STATES];

interface Rule {
  sentBy: Side | 'either';
  /** States in which the message may arrive; `undefined` stands for "no request yet". */
  from: (RequestState | undefined)[];
  /** The state after it, or per state the states it changes; otherwise the state stays. */
  to?: RequestState | Partial<Record<RequestState, RequestState>>;
  kinds?: RequestKind[];
}

/**
 * Which side may send which message in which state, and where it leads: the lifecycle of
 * domain.md as one table, used by both ends. Messages about one request may arrive out of
 * order: an acceptance may overtake the transport receipt, so acceptance and return are allowed
 * from SENT too, and a receipt that arrives late changes nothing.
 */
const RULES: Record<MessageType, Rule> = {
  'asset-search.requested': {
    sentBy: 'requesting',
    from: [undefined],
    to: Sent,
    kinds: ['asset-search'],
  },
  'delegation.requested': {
    sentBy: 'requesting',
    from: [undefined],
    to: Sent,
    kinds: ['delegation'],
  },
  // Only the receipt for the request itself moves it on; receipts for later messages change nothing.
  'message.delivered': { sentBy: 'either', from: ANY, to: { [Sent]: Delivered } },
  'request.accepted': { sentBy: 'receiving', from: [Sent, Delivered], to: Accepted },
  'request.returned': { sentBy: 'receiving', from: [Sent, Delivered], to: RequestState.Returned },
  'request.forwarded': { sentBy: 'receiving', from: [Sent, Delivered, ...WORKING] },
  'progress.requested': {
    sentBy: 'requesting',
    from: [...WORKING, AwaitingSupplement],
    kinds: ['delegation'],
  },
  'progress.reported': { sentBy: 'receiving', from: WORKING, to: InProgress },
  'supplement.requested': { sentBy: 'receiving', from: WORKING, to: AwaitingSupplement },
  'supplement.provided': { sentBy: 'requesting', from: [AwaitingSupplement], to: InProgress },
  'extension.requested': {
    sentBy: 'receiving',
    from: [...WORKING, AwaitingSupplement],
    kinds: ['delegation'],
  },
  'extension.decided': {
    sentBy: 'requesting',
    from: [...WORKING, AwaitingSupplement],
    kinds: ['delegation'],
  },
  // A local registry answers a search at once, without anyone signing it in first.
  'asset-search.answered': {
    sentBy: 'receiving',
    from: [Sent, Delivered, ...WORKING],
    to: ResultReported,
    kinds: ['asset-search'],
  },
  'delegation.result-reported': {
    sentBy: 'receiving',
    from: WORKING,
    to: ResultReported,
    kinds: ['delegation'],
  },
  'result.confirmed': { sentBy: 'requesting', from: [ResultReported], to: Closed },
  'result.disputed': { sentBy: 'requesting', from: [ResultReported], to: InProgress },
  'request.withdrawn': { sentBy: 'requesting', from: OPEN, to: RequestState.Withdrawn },
  'request.reminded': {
    sentBy: 'requesting',
    from: [Sent, Delivered, ...WORKING, AwaitingSupplement],
  },
  'request.escalated': {
    sentBy: 'requesting',
    from: [Sent, Delivered, ...WORKING, AwaitingSupplement],
  },
  // Money recovered is money owed to the winning party, whatever the request's state.
  'funds.transferred': { sentBy: 'receiving', from: ANY, kinds: ['delegation'] },
  'funds.receipt-confirmed': { sentBy: 'requesting', from: ANY, kinds: ['delegation'] },
  'status.queried': { sentBy: 'either', from: ANY },
  'status.reported': { sentBy: 'either', from: ANY },
  'message.rejected': { sentBy: 'either', from: ANY },
};

/** Which court sends a message type. */
export function senderOf(type: MessageType): Side | 'either' {
  return RULES[type].sentBy;
}

export type TransitionResult =
  | { allowed: true; state: RequestState }
  | {
      allowed: false;
      reason: 'WRONG_KIND' | 'WRONG_SENDER' | 'NOT_ALLOWED_IN_STATE';
      detail: string;
    };

/**
 * The state a request moves to when `type` arrives from `sentBy` while it is in `state`
 * (`undefined`: the request does not exist yet), or why the message is not allowed then.
 */
export function transition(
  kind: RequestKind,
  state: RequestState | undefined,
  type: MessageType,
  sentBy: Side,
): TransitionResult {
  const rule = RULES[type];
  if (rule.kinds && !rule.kinds.includes(kind)) {
    return { allowed: false, reason: 'WRONG_KIND', detail: `${type} does not apply to a ${kind}` };
  }
  if (rule.sentBy !== 'either' && rule.sentBy !== sentBy) {
    return {
      allowed: false,
      reason: 'WRONG_SENDER',
      detail: `${type} is sent by the ${rule.sentBy} court`,
    };
  }
  if (!rule.from.includes(state)) {
    return {
      allowed: false,
      reason: 'NOT_ALLOWED_IN_STATE',
      detail: `${type} is not allowed ${state ? `in state ${state}` : 'before the request exists'}`,
    };
  }
  const next =
    typeof rule.to === 'object' ? ((state && rule.to[state]) ?? state) : (rule.to ?? state);
  if (next === undefined) {
    return {
      allowed: false,
      reason: 'NOT_ALLOWED_IN_STATE',
      detail: `${type} does not start a request`,
    };
  }
  return { allowed: true, state: next };
}
