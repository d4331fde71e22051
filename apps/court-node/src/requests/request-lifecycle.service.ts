import {
  DecodedMessage,
  DelegationResultReportedBody,
  Envelope,
  FINAL_STATES,
  MessageBody,
  Milestone,
  MILESTONE_STATES,
  MessageType,
  ProtocolRejectionBody,
  RejectionReason,
  RequestState,
  Side,
  transition,
  TransportReceiptBody,
} from '@enforcement-link/protocol';
import { Injectable } from '@nestjs/common';
import { instanceToPlain } from 'class-transformer';
import { EntityManager, TransactionCommitEvent } from 'typeorm';
import { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { AuditTrail } from '../audit/audit-trail';
import { ActionNotAllowed } from '../common/domain-errors';
import { TransactionNotes } from '../common/transaction-notes';
import { CourtNodeEnvironment } from '../config/court-node.environment';
import { endOfChinaDay } from '../deadlines/china-dates';
import { Clock } from '../deadlines/clock';
import { DeadlinesService } from '../deadlines/deadlines.service';
import { ExpiryAlertsService } from '../deadlines/expiry-alerts.service';
import { MessageNotApplicableYet, ProtocolViolation } from '../messaging/inbound-errors';
import { OutboxService } from '../messaging/outbox.service';
import { requestChanged } from './request-changed';
import { RequestMessage } from './request-message.entity';
import { Request } from './request.entity';

type TimelineEntry = QueryDeepPartialEntity<RequestMessage>;
const timelineEntries = new TransactionNotes<TimelineEntry>('timelineEntriesPending');
const REQUEST_MESSAGE_TYPES: ReadonlySet<string> = new Set([
  'asset-search.requested',
  'delegation.requested',
]);

/** Messages that move money: the monitor then hears the request's new amounts. */
function isFundsMessage(type: MessageType): boolean {
  return type.startsWith('funds.');
}

/** Requests `startIncoming` is handling, whose row it writes once that is done. */
const notYetStored = new WeakSet<Request>();

const MILESTONE_OF_STATE = new Map<RequestState, Milestone>(
  Object.entries(MILESTONE_STATES).map(([milestone, state]) => [state, milestone as Milestone]),
);

/**
 * Moves requests through the protocol's lifecycle, on both sides: every message this court
 * sends about a request and every message it receives goes through here, is checked against
 * the transition table of `libs/protocol`, changes the record and lands on its timeline, all in
 * the caller's transaction.
 */
@Injectable()
export class RequestLifecycle {
  constructor(
    private readonly environment: CourtNodeEnvironment,
    private readonly outbox: OutboxService,
    private readonly deadlines: DeadlinesService,
    private readonly clock: Clock,
    private readonly expiryAlerts: ExpiryAlertsService,
    auditTrail: AuditTrail,
  ) {
    auditTrail.beforeAppend((event) => insertTimelineEntries(event));
  }

  /** Locks the request for the rest of the transaction, so its messages apply one at a time. */
  lock(manager: EntityManager, id: string): Promise<Request | null> {
    return manager.findOne(Request, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  /** Stores a request this court sends and puts its `*.requested` message in the outbox. */
  async startOutgoing<T extends 'asset-search.requested' | 'delegation.requested'>(
    manager: EntityManager,
    request: Request,
    type: T,
    body: MessageBody<T>,
  ): Promise<Request> {
    this.enter(request, this.allowedState(request, undefined, type, 'requesting'));
    await this.insert(manager, request);
    const envelope = await this.outbox.enqueue(manager, {
      type,
      to: request.receivingCourt,
      requestId: request.id,
      body,
    });
    await this.addToTimeline(manager, envelope, 'out', true);
    return request;
  }

  /**
   * Stores a request another court sent, already delivered: this court has it. `handleAtOnce`
   * (an answer from the registry) runs first, so that the row is written once, as it ends up.
   * One the court already has is a protocol violation: a request id is the requesting court's,
   * used once, and the insert itself refuses a second.
   */
  async startIncoming(
    manager: EntityManager,
    request: Request,
    message: DecodedMessage,
    handleAtOnce: () => Promise<void>,
  ): Promise<void> {
    const type = message.envelope.type as MessageType;
    const sent = transition(request.kind, undefined, type, 'requesting');
    if (!sent.allowed) throw new ProtocolViolation(RejectionReason.NotAllowedInState, sent.detail);
    const delivered = transition(request.kind, sent.state, 'message.delivered', 'receiving');
    this.enter(request, delivered.allowed ? delivered.state : sent.state);
    requestChanged(manager, request);
    await this.addToTimeline(manager, message.envelope, 'in', true);
    notYetStored.add(request);
    try {
      await handleAtOnce();
    } finally {
      notYetStored.delete(request);
    }
    const stored = await manager
      .createQueryBuilder()
      .insert()
      .into(Request)
      .values(request as QueryDeepPartialEntity<Request>)
      .orIgnore()
      .returning('id')
      .updateEntity(false)
      .execute();
    if ((stored.raw as unknown[]).length === 0) {
      throw new ProtocolViolation(
        RejectionReason.NotAllowedInState,
        `request ${request.id} already exists at ${this.environment.COURT_ID}`,
      );
    }
  }

  /**
   * Sends `type` about `request` from this court, if its lifecycle allows that now; otherwise
   * throws ActionNotAllowed with the state. `to` overrides the addressee (forwarding).
   */
  async send<T extends MessageType>(
    manager: EntityManager,
    request: Request,
    type: T,
    body: MessageBody<T>,
    to = request.counterpart,
  ): Promise<Envelope> {
    const next = this.allowedState(request, request.state, type, request.side);
    const envelope = await this.outbox.enqueue(manager, { type, to, requestId: request.id, body });
    this.applyEffects(request, type, body);
    const changed = this.enter(request, next);
    await this.persist(manager, request, isFundsMessage(type));
    await this.addToTimeline(manager, envelope, 'out', changed);
    return envelope;
  }

  /**
   * Applies a message from the other court about a request this court already has. A message
   * that overtook the one it depends on is retried later; one that comes after the request
   * ended is kept on the timeline without effect, since both courts may act at the same time.
   */
  async receive(manager: EntityManager, message: DecodedMessage): Promise<Request> {
    const { envelope, body } = message;
    const type = envelope.type as MessageType;
    const request = await this.lock(manager, envelope.requestId);
    if (!request) {
      throw new MessageNotApplicableYet(
        RejectionReason.UnknownRequest,
        `${this.environment.COURT_ID} has no request ${envelope.requestId}`,
      );
    }
    if (envelope.from !== request.counterpart) {
      throw new MessageNotApplicableYet(
        RejectionReason.NotAParty,
        `request ${request.id} is between ${request.requestingCourt} and ${request.receivingCourt}`,
      );
    }
    const sentBy: Side = request.side === 'requesting' ? 'receiving' : 'requesting';
    const next = transition(request.kind, request.state, type, sentBy);
    if (!next.allowed) {
      if (next.reason !== 'NOT_ALLOWED_IN_STATE') {
        throw new ProtocolViolation(RejectionReason.NotAllowedInState, next.detail);
      }
      if (FINAL_STATES.has(request.state)) {
        await this.addToTimeline(manager, envelope, 'in', false);
        return request;
      }
      throw new MessageNotApplicableYet(RejectionReason.NotAllowedInState, next.detail);
    }
    this.applyEffects(request, type, body);
    const changed = this.enter(request, next.state);
    await this.persist(manager, request, isFundsMessage(type));
    await this.addToTimeline(manager, envelope, 'in', changed);
    if (type === 'delegation.result-reported' && request.side === 'requesting') {
      await this.expiryAlerts.watch(manager, request.id, body as DelegationResultReportedBody);
    }
    if (type === 'status.queried') {
      await this.send(manager, request, 'status.reported', {
        state: request.state,
        stateSince: request.stateSince.toISOString(),
        ...(request.dueAt ? { dueAt: request.dueAt.toISOString() } : {}),
      });
    }
    return request;
  }

  /**
   * Notes the other court's receipt for a message this court sent; the receipt for the request
   * itself moves it from SENT to DELIVERED. Receipts for messages this court does not know are
   * ignored: they change nothing.
   */
  async recordReceipt(manager: EntityManager, receipt: TransportReceiptBody): Promise<void> {
    // PostgreSQL answers an UPDATE ... RETURNING with [rows, count].
    const [[sent]] = await manager.query<
      [Pick<RequestMessage, 'type' | 'requestId' | 'toCourt'>[], number]
    >(
      `UPDATE request_messages SET delivered_at = $2
        WHERE message_id = $1 AND direction = 'out'
        RETURNING type, request_id AS "requestId", to_court AS "toCourt"`,
      [receipt.deliveredMessageId, new Date(receipt.storedAt)],
    );
    if (!sent || !REQUEST_MESSAGE_TYPES.has(sent.type)) return;
    const request = await this.lock(manager, sent.requestId);
    if (!request || request.receivingCourt !== sent.toCourt) return;
    const next = transition(request.kind, request.state, 'message.delivered', request.side);
    if (next.allowed && this.enter(request, next.state)) await this.persist(manager, request);
  }

  /** Keeps the other court's rejection of a message about one of this court's requests. */
  async recordRejection(
    manager: EntityManager,
    envelope: Envelope,
    rejection: ProtocolRejectionBody,
  ): Promise<void> {
    const request = await this.lock(manager, envelope.requestId);
    if (!request) return;
    request.lastRejection = instanceToPlain(rejection) as ProtocolRejectionBody;
    await this.persist(manager, request);
    await this.addToTimeline(manager, envelope, 'in', false);
  }

  private allowedState(
    request: Request,
    state: RequestState | undefined,
    type: MessageType,
    sentBy: Side,
  ): RequestState {
    const next = transition(request.kind, state, type, sentBy);
    if (!next.allowed) throw new ActionNotAllowed(request.state, next.detail);
    return next.state;
  }

  /** What a message records on the request beside its state. */
  private applyEffects(request: Request, type: MessageType, body: object): void {
    const plain = instanceToPlain(body);
    switch (type) {
      case 'request.accepted': {
        const accepted = body as MessageBody<'request.accepted'>;
        request.receivingCaseNumber = accepted.receivingCaseNumber;
        request.handler = { ...accepted.handler };
        break;
      }
      case 'request.forwarded': {
        const { handlingCourt } = body as MessageBody<'request.forwarded'>;
        if (request.side === 'requesting') request.receivingCourt = handlingCourt;
        else request.forwardedTo = handlingCourt;
        break;
      }
      case 'request.returned':
        request.returnReason = (body as MessageBody<'request.returned'>).reason;
        break;
      case 'asset-search.answered':
      case 'delegation.result-reported':
        request.result = plain;
        break;
      case 'extension.decided': {
        const { granted, newDueDate } = body as MessageBody<'extension.decided'>;
        if (!granted || !newDueDate) break;
        request.dueAt = endOfChinaDay(newDueDate);
        request.remindedPercent = 0;
        request.overdueSince = null;
        break;
      }
    }
  }

  private async insert(manager: EntityManager, request: Request): Promise<void> {
    await manager.insert(Request, request as QueryDeepPartialEntity<Request>);
    requestChanged(manager, request);
  }

  /**
   * Writes what a message may change; one statement, where `save` would read the row first.
   * `money` when the change moved funds, so the monitor hears the new amounts.
   */
  async persist(manager: EntityManager, request: Request, money = false): Promise<void> {
    requestChanged(manager, request, money);
    if (notYetStored.has(request)) return;
    await manager.update(Request, request.id, {
      state: request.state,
      stateSince: request.stateSince,
      dueAt: request.dueAt,
      limitStartedAt: request.limitStartedAt,
      remindedPercent: request.remindedPercent,
      overdueSince: request.overdueSince,
      caseEscalatedAt: request.caseEscalatedAt,
      escalatedAt: request.escalatedAt,
      milestones: request.milestones,
      returnReason: request.returnReason,
      progressReportDueAt: request.progressReportDueAt,
      progressRequestedAt: request.progressRequestedAt,
      receivingCourt: request.receivingCourt,
      receivingCaseNumber: request.receivingCaseNumber,
      handler: request.handler,
      forwardedTo: request.forwardedTo,
      result: request.result,
      lastRejection: request.lastRejection,
    } as QueryDeepPartialEntity<Request>);
  }

  /** Moves the request to `state`; returns whether that was a change. */
  private enter(request: Request, state: RequestState): boolean {
    if (request.state === state) return false;
    // The first progress report does not stop the clock that started with the acceptance.
    const clockRunsOn =
      request.state === RequestState.Accepted && state === RequestState.InProgress;
    const now = this.clock.now();
    request.state = state;
    request.stateSince = now;
    const milestone = MILESTONE_OF_STATE.get(state);
    if (milestone) request.milestones = { [milestone]: now.toISOString(), ...request.milestones };
    if (state === RequestState.Accepted && request.kind === 'delegation') {
      request.progressReportDueAt ??= this.deadlines.progressReportDueAt(now);
    }
    if (!clockRunsOn) {
      request.dueAt = this.deadlines.dueDateFor(request.kind, request.matterType, state, now);
      request.limitStartedAt = request.dueAt && now;
      request.remindedPercent = 0;
      request.overdueSince = null;
    }
    return true;
  }

  /**
   * Puts a message on its request's timeline. In a transaction the entry is inserted as it
   * commits, with the others it made, in one statement: nothing reads a timeline while changing
   * it.
   */
  async addToTimeline(
    manager: EntityManager,
    envelope: Envelope,
    direction: 'in' | 'out',
    changedState: boolean,
  ): Promise<void> {
    const entry: TimelineEntry = {
      messageId: envelope.id,
      requestId: envelope.requestId,
      direction,
      type: envelope.type,
      fromCourt: envelope.from,
      toCourt: envelope.to,
      body: instanceToPlain(envelope.body),
      sentAt: new Date(envelope.sentAt),
      changedState,
    };
    const queryRunner = manager.queryRunner;
    if (queryRunner?.isTransactionActive) {
      timelineEntries.add(queryRunner, entry);
    } else {
      await manager.insert(RequestMessage, entry);
    }
  }
}

async function insertTimelineEntries(event: TransactionCommitEvent): Promise<void> {
  const entries = timelineEntries.take(event.queryRunner);
  if (entries.length > 0) await event.manager.insert(RequestMessage, entries);
}
