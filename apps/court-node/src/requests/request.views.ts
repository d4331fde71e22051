import {
  FINAL_STATES,
  MessageType,
  RequestKind,
  RequestState,
  Side,
  transition,
} from '@enforcement-link/protocol';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { RequestMessage } from './request-message.entity';
import { Request } from './request.entity';

/** One message on a request's timeline. */
export class TimelineEntryView {
  @ApiProperty()
  messageId: string;
  /** `out`: this court sent it; `in`: this court received it. */
  @ApiProperty({ enum: ['in', 'out'] })
  direction: 'in' | 'out';
  @ApiProperty()
  type: string;
  @ApiProperty()
  from: string;
  @ApiProperty()
  to: string;
  @ApiProperty()
  sentAt: string;
  @ApiProperty()
  recordedAt: string;
  /** When the other court stored it (its transport receipt); outgoing messages only. */
  @ApiProperty({ type: String, nullable: true })
  deliveredAt: string | null;
  /** False for a message that arrived after the request ended and changed nothing. */
  @ApiProperty()
  changedState: boolean;
  @ApiProperty({ type: 'object', additionalProperties: true })
  body: Record<string, unknown>;
}

/** An asset search or delegation as this court sees it. */
export class RequestView {
  @ApiProperty()
  id: string;
  @ApiProperty({ enum: ['asset-search', 'delegation'] })
  kind: RequestKind;
  @ApiProperty({ enum: RequestState })
  state: RequestState;
  @ApiProperty()
  stateSince: string;
  /** When the current step is due, if anything is. */
  @ApiProperty({ type: String, nullable: true })
  dueAt: string | null;
  /** Delegations: when a progress report is due if the matter is still unfinished. */
  @ApiProperty({ type: String, nullable: true })
  progressReportDueAt: string | null;
  /** The current step is late. */
  @ApiProperty()
  overdue: boolean;
  @ApiProperty()
  requestingCourt: string;
  /** The court handling it now (after a forward, the new court). */
  @ApiProperty()
  receivingCourt: string;
  @ApiProperty()
  caseNumber: string;
  @ApiProperty({ type: String, nullable: true })
  receivingCaseNumber: string | null;
  @ApiProperty({ type: String, nullable: true })
  matterType: string | null;
  @ApiProperty()
  partyName: string;
  @ApiPropertyOptional({ type: 'object', additionalProperties: true, nullable: true })
  handler: Record<string, unknown> | null;
  @ApiProperty({ type: String, nullable: true })
  assignee: string | null;
  @ApiProperty({ type: String, nullable: true })
  forwardedTo: string | null;
  @ApiPropertyOptional({ type: 'object', additionalProperties: true, nullable: true })
  result: Record<string, unknown> | null;
  @ApiPropertyOptional({ type: 'object', additionalProperties: true, nullable: true })
  lastRejection: Record<string, unknown> | null;
  @ApiProperty({ type: 'object', additionalProperties: true })
  details: Record<string, unknown>;
  @ApiProperty()
  createdAt: string;
  /**
   * What this court may do with the request now, as the protocol's lifecycle allows: the names
   * of the action endpoints (`withdraw`, `accept`, `report-result`...).
   */
  @ApiProperty({ type: [String], example: ['accept', 'return', 'request-supplement', 'forward'] })
  actions: string[];
}

/** How many requests are in one state. */
export class StateCountView {
  @ApiProperty({ enum: RequestState })
  state: RequestState;
  @ApiProperty()
  count: number;
  /** Of those, how many are past their time limit. */
  @ApiProperty()
  overdue: number;
}

export class RequestDetailView extends RequestView {
  @ApiProperty({ type: [TimelineEntryView] })
  timeline: TimelineEntryView[];
}

export class RequestPageView {
  @ApiProperty({ type: [RequestView] })
  items: RequestView[];
  /** How many requests match the filter in all. */
  @ApiProperty()
  total: number;
}

export function isOverdue(request: Request, now = new Date()): boolean {
  return request.dueAt !== null && request.dueAt < now && !FINAL_STATES.has(request.state);
}

export function requestView(request: Request): RequestView {
  return {
    id: request.id,
    kind: request.kind,
    state: request.state,
    stateSince: request.stateSince.toISOString(),
    dueAt: request.dueAt?.toISOString() ?? null,
    progressReportDueAt: request.progressReportDueAt?.toISOString() ?? null,
    overdue: isOverdue(request),
    requestingCourt: request.requestingCourt,
    receivingCourt: request.receivingCourt,
    caseNumber: request.caseNumber,
    receivingCaseNumber: request.receivingCaseNumber,
    matterType: request.matterType,
    partyName: request.partyName,
    handler: request.handler ? { ...request.handler } : null,
    assignee: request.assignee,
    forwardedTo: request.forwardedTo,
    result: request.result,
    lastRejection: request.lastRejection ? { ...request.lastRejection } : null,
    details: request.details,
    createdAt: request.createdAt.toISOString(),
    actions: allowedActions(request),
  };
}

/** Each action endpoint and the message it sends, by the side that acts. */
const ACTIONS: Record<Side, [string, MessageType][]> = {
  requesting: [
    ['withdraw', 'request.withdrawn'],
    ['supplement', 'supplement.provided'],
    ['confirm', 'result.confirmed'],
    ['dispute', 'result.disputed'],
    ['decide-extension', 'extension.decided'],
  ],
  receiving: [
    ['accept', 'request.accepted'],
    ['return', 'request.returned'],
    ['request-supplement', 'supplement.requested'],
    ['report-progress', 'progress.reported'],
    ['report-result', 'delegation.result-reported'],
    ['answer', 'asset-search.answered'],
    ['request-extension', 'extension.requested'],
    ['forward', 'request.forwarded'],
    ['fund-transfers', 'funds.transferred'],
  ],
};

function allowedActions(request: Request): string[] {
  const allowed = ACTIONS[request.side]
    .filter(([, type]) => transition(request.kind, request.state, type, request.side).allowed)
    .map(([action]) => action);
  const open = !FINAL_STATES.has(request.state);
  if (request.side === 'receiving' && open) allowed.unshift('assign');
  if (request.side === 'receiving' && request.kind === 'delegation') allowed.push('recoveries');
  return allowed;
}

export function timelineEntryView(message: RequestMessage): TimelineEntryView {
  return {
    messageId: message.messageId,
    direction: message.direction,
    type: message.type,
    from: message.fromCourt,
    to: message.toCourt,
    sentAt: message.sentAt.toISOString(),
    recordedAt: message.recordedAt.toISOString(),
    deliveredAt: message.deliveredAt?.toISOString() ?? null,
    changedState: message.changedState,
    body: message.body,
  };
}
