import {
  DecodedMessage,
  decodeMessage,
  DecodeResult,
  DocumentReference,
  Envelope,
  parseSubject,
  Rejection,
  RejectionReason,
} from '@enforcement-link/protocol';
import { Injectable, Logger } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { Actor, ActorContext } from '../audit/actor-context';
import { payloadHash } from '../audit/audit-chain';
import { AuditTrail } from '../audit/audit-trail';
import { CourtNodeEnvironment } from '../config/court-node.environment';
import { DocumentStore } from '../documents/document-store.service';
import { DeadLetter } from './dead-letter.entity';
import { InboxMessage } from './inbox-message.entity';
import { MessageNotApplicableYet, ProtocolViolation, UntrustedMessage } from './inbound-errors';
import { OutboxService } from './outbox.service';
import { MessageSignatures, SignatureRefusal } from '../signing/message-signatures.service';

/** A message as JetStream handed it over. */
export interface InboundDelivery {
  subject: string;
  data: Uint8Array;
  /** 1 for the first delivery. */
  deliveryCount: number;
  /** When JetStream stored it: what the message's `sentAt` and its key are judged against. */
  storedAt: Date;
}

/** What the transport must do with a delivery once the inbox has dealt with it. */
export type Settlement =
  | { action: 'ack'; outcome: 'processed' | 'duplicate' | 'parked' }
  | { action: 'term'; outcome: 'rejected' }
  | { action: 'nak'; delayMs: number; error: string };

/**
 * A delivery decoded and, when it is a valid message, judged for trust (signature and time
 * window) once: the shared transaction and the settling one by one go by the same verdict.
 */
interface Examined {
  decoded: DecodeResult;
  /** Whether it was judged: not while the key registry is unread, and then judged again. */
  judged: boolean;
  /** Why a valid message must be refused; undefined when it may be handled. */
  refusal?: SignatureRefusal;
}

/** Runs the handler of a message's type inside the inbox's transaction. */
export type MessageDispatcher = (message: DecodedMessage, manager: EntityManager) => Promise<void>;

/** The nil UUID stands for the request of a message too broken to name one. */
const UNKNOWN_REQUEST_ID = '00000000-0000-0000-0000-000000000000';
const MAX_RETRY_DELAY_MS = 30_000;
const TRANSPORT_TYPES: ReadonlySet<string> = new Set(['message.delivered', 'message.rejected']);
/** Who a message too broken to name its sender is recorded against. */
const UNKNOWN_SENDER: Actor = { kind: 'system', process: 'inbox' };

/**
 * Decides the fate of every message that reaches this court, exactly once per message id:
 * check its signature and the documents it lists, then store it, run its handler and send the
 * transport receipt in one transaction; or store it with
 * the reason it is invalid and answer the sender with a protocol rejection; or have it
 * delivered again later (the database failed, or it overtook a message it depends on); or,
 * after the last delivery, park it in the dead-letter table. It never throws. Whatever it
 * does is recorded in the audit trail as done by the sending court.
 */
@Injectable()
export class InboxService {
  private readonly logger = new Logger(InboxService.name);
  private dispatch?: MessageDispatcher;

  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
    private readonly environment: CourtNodeEnvironment,
    private readonly documents: DocumentStore,
    private readonly signatures: MessageSignatures,
  ) {}

  /** Whether messages can be received: until then the transport leaves them in the stream. */
  get ready(): boolean {
    return this.signatures.ready;
  }

  /** Set once by the transport that owns the handlers. */
  useDispatcher(dispatch: MessageDispatcher): void {
    this.dispatch = dispatch;
  }

  receive(delivery: InboundDelivery): Promise<Settlement> {
    return this.settle(delivery, this.examine(delivery));
  }

  /**
   * Settles several messages, in order. Valid, trusted messages that list no documents are
   * stored and handled in one transaction, which spares each its own commit and audit append;
   * should that transaction fail, for any of them, each is settled on its own instead, so one
   * message's failure is never another's.
   */
  async receiveAll(deliveries: InboundDelivery[]): Promise<Settlement[]> {
    const examined = deliveries.map((delivery) => this.examine(delivery));
    const settled = new Map<number, Settlement>();
    const together = deliveries.flatMap((delivery, index) => {
      const { decoded } = examined[index];
      return decoded.ok && this.canShareTransaction(examined[index], decoded.message)
        ? [{ index, delivery, message: decoded.message }]
        : [];
    });
    if (together.length > 1) {
      const dispatch = this.dispatch;
      try {
        if (!dispatch) throw new Error('no message handlers are registered yet');
        const stored = await this.dataSource.transaction(async (manager) => {
          const outcomes: boolean[] = [];
          for (const { delivery, message } of together) {
            outcomes.push(
              await ActorContext.run(actorOf(delivery), () =>
                this.storeAndHandle(manager, delivery, message, dispatch),
              ),
            );
          }
          return outcomes;
        });
        together.forEach(({ index }, position) =>
          settled.set(index, {
            action: 'ack',
            outcome: stored[position] ? 'processed' : 'duplicate',
          }),
        );
      } catch {
        // Settled one by one below, where each failure is judged and reported on its own.
      }
    }
    const settlements: Settlement[] = [];
    for (const [index, delivery] of deliveries.entries()) {
      settlements.push(settled.get(index) ?? (await this.settle(delivery, examined[index])));
    }
    return settlements;
  }

  private examine(delivery: InboundDelivery): Examined {
    const decoded = decodeMessage(delivery.data, delivery.subject);
    if (!decoded.ok) return { decoded, judged: false };
    try {
      const refusal = this.signatures.refusalOf(decoded.message, delivery.storedAt);
      return { decoded, judged: true, refusal };
    } catch {
      return { decoded, judged: false };
    }
  }

  /** Documents are verified outside any transaction, and an untrusted message is rejected. */
  private canShareTransaction({ judged, refusal }: Examined, message: DecodedMessage): boolean {
    const { documents } = message.body as { documents?: DocumentReference[] };
    return !documents?.length && judged && !refusal;
  }

  private settle(delivery: InboundDelivery, examined: Examined): Promise<Settlement> {
    return ActorContext.run(actorOf(delivery), () => this.judge(delivery, examined));
  }

  private async judge(delivery: InboundDelivery, examined: Examined): Promise<Settlement> {
    const { decoded } = examined;
    if (!decoded.ok) return this.reject(delivery, undefined, decoded.rejection);
    const { envelope } = decoded.message;
    try {
      const refusal = examined.judged
        ? examined.refusal
        : this.signatures.refusalOf(decoded.message, delivery.storedAt);
      if (refusal) throw new UntrustedMessage(refusal.reason, refusal.detail);
      const stored = await this.process(delivery, decoded.message);
      return { action: 'ack', outcome: stored ? 'processed' : 'duplicate' };
    } catch (error) {
      const lastDelivery = delivery.deliveryCount >= this.environment.INBOX_MAX_DELIVERIES;
      if (error instanceof UntrustedMessage) {
        return this.reject(delivery, envelope, rejectionOf(envelope, error), evidenceId(delivery));
      }
      if (error instanceof ProtocolViolation) {
        return this.reject(delivery, envelope, rejectionOf(envelope, error));
      }
      if (error instanceof MessageNotApplicableYet && lastDelivery) {
        return this.reject(delivery, envelope, rejectionOf(envelope, error));
      }
      const reason = describe(error);
      if (!(error instanceof MessageNotApplicableYet)) {
        this.logger.warn(
          `message ${envelope.id} (${envelope.type} from ${envelope.from}) failed on delivery ${delivery.deliveryCount}: ${reason}`,
        );
      }
      if (lastDelivery) return this.park(delivery, envelope, reason);
      return { action: 'nak', delayMs: this.retryDelayMs(delivery.deliveryCount), error: reason };
    }
  }

  /** Stores and handles a valid message; false when it had been stored before. */
  private async process(delivery: InboundDelivery, message: DecodedMessage): Promise<boolean> {
    const { envelope } = message;
    const dispatch = this.dispatch;
    if (!dispatch) throw new Error('no message handlers are registered yet');
    // Outside the transaction: reading documents may take a while and needs no connection.
    const { documents } = message.body as { documents?: DocumentReference[] };
    if (
      documents?.length &&
      !(await this.dataSource.getRepository(InboxMessage).existsBy({ id: envelope.id }))
    ) {
      await this.documents.verify(documents);
    }
    return this.dataSource.transaction((manager) =>
      this.storeAndHandle(manager, delivery, message, dispatch),
    );
  }

  /** The inbox row, the handler's change and the transport receipt, in `manager`'s transaction. */
  private async storeAndHandle(
    manager: EntityManager,
    delivery: InboundDelivery,
    message: DecodedMessage,
    dispatch: MessageDispatcher,
  ): Promise<boolean> {
    const { envelope } = message;
    const inserted = await this.store(manager, delivery, envelope.id, envelope, 'processed');
    if (!inserted) {
      await this.refuseOtherContent(manager, delivery, envelope.id);
      return false;
    }
    await dispatch(message, manager);
    if (!TRANSPORT_TYPES.has(envelope.type)) {
      await this.outbox.enqueue(manager, {
        type: 'message.delivered',
        to: envelope.from,
        requestId: envelope.requestId,
        causationId: envelope.id,
        body: { deliveredMessageId: envelope.id, storedAt: new Date().toISOString() },
      });
    }
    return true;
  }

  /**
   * A message id arrives a second time. The same bytes are JetStream or the sender delivering
   * again, which is harmless; other content under a stored id is a replay or a forgery.
   */
  private async refuseOtherContent(
    manager: EntityManager,
    delivery: InboundDelivery,
    id: string,
  ): Promise<void> {
    const [stored] = await manager.query<{ payload: string; received_at: Date }[]>(
      'SELECT payload, received_at FROM inbox_messages WHERE id = $1',
      [id],
    );
    if (stored && stored.payload !== storableText(delivery.data)) {
      throw new UntrustedMessage(
        RejectionReason.ReplayedMessageId,
        `message ${id} was received on ${stored.received_at.toISOString()} with other content`,
      );
    }
  }

  private async reject(
    delivery: InboundDelivery,
    envelope: Envelope | undefined,
    rejection: Rejection,
    storedAs?: string,
  ): Promise<Settlement> {
    const sender = parseSubject(delivery.subject)?.from;
    this.logger.warn(
      `rejected a message on ${delivery.subject}: ${rejection.reason}: ${rejection.detail}`,
    );
    try {
      await this.dataSource.transaction(async (manager) => {
        const id = storedAs ?? rejection.rejectedMessageId ?? randomUUID();
        const inserted = await this.store(manager, delivery, id, envelope, 'rejected', rejection);
        // A rejection is never answered with a rejection: two courts would argue forever.
        if (!inserted || !sender || envelope?.type === 'message.rejected') return;
        await this.outbox.enqueue(manager, {
          type: 'message.rejected',
          to: sender,
          requestId: envelope?.requestId ?? UNKNOWN_REQUEST_ID,
          ...(rejection.rejectedMessageId ? { causationId: rejection.rejectedMessageId } : {}),
          body: {
            reason: rejection.reason,
            ...(rejection.rejectedMessageId
              ? { rejectedMessageId: rejection.rejectedMessageId }
              : {}),
            detail: rejection.detail.slice(0, 2_000),
            fieldErrors: rejection.fieldErrors.map((error) => ({
              field: error.field.slice(0, 256),
              rule: error.rule.slice(0, 512),
            })),
          },
        });
      });
      return { action: 'term', outcome: 'rejected' };
    } catch (error) {
      return {
        action: 'nak',
        delayMs: this.retryDelayMs(delivery.deliveryCount),
        error: describe(error),
      };
    }
  }

  private async park(
    delivery: InboundDelivery,
    envelope: Envelope,
    error: string,
  ): Promise<Settlement> {
    try {
      await this.dataSource.transaction(async (manager) => {
        await manager.insert(DeadLetter, {
          subject: delivery.subject,
          payload: storableText(delivery.data),
          error,
          deliveries: delivery.deliveryCount,
        });
        AuditTrail.record(manager, {
          action: 'message.parked',
          requestId: envelope.requestId,
          messageId: envelope.id,
          detail: {
            type: envelope.type,
            from: envelope.from,
            deliveries: delivery.deliveryCount,
            payloadSha256: payloadHash(delivery.data),
          },
        });
      });
      this.logger.error(
        `parked a message on ${delivery.subject} after ${delivery.deliveryCount} deliveries: ${error}`,
      );
      return { action: 'ack', outcome: 'parked' };
    } catch (parkError) {
      // Nowhere to park it: JetStream keeps it and delivers it again.
      return {
        action: 'nak',
        delayMs: MAX_RETRY_DELAY_MS,
        error: `${error}; parking failed: ${describe(parkError)}`,
      };
    }
  }

  /**
   * Inserts the inbox row, and notes it for the audit trail, unless the message id is there
   * already; returns whether it did.
   */
  private async store(
    manager: EntityManager,
    delivery: InboundDelivery,
    id: string,
    envelope: Envelope | undefined,
    outcome: 'processed' | 'rejected',
    rejection?: Rejection,
  ): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `INSERT INTO inbox_messages
         (id, subject, type, from_court, request_id, payload, outcome, rejection_reason, rejection_detail,
          stream_stored_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
       ON CONFLICT (id) DO NOTHING
       RETURNING id`,
      [
        id,
        delivery.subject,
        envelope?.type ?? null,
        envelope?.from ?? null,
        envelope?.requestId ?? null,
        storableText(delivery.data),
        outcome,
        rejection?.reason ?? null,
        rejection?.detail ?? null,
        delivery.storedAt,
      ],
    );
    if (rows.length === 0) return false;
    AuditTrail.record(manager, {
      action: outcome === 'processed' ? 'message.received' : 'message.rejected',
      requestId: envelope?.requestId ?? null,
      messageId: id,
      detail: {
        ...(envelope ? { type: envelope.type, from: envelope.from } : {}),
        ...(rejection ? { reason: rejection.reason } : {}),
        payloadSha256: payloadHash(delivery.data),
      },
    });
    return true;
  }

  private retryDelayMs(deliveryCount: number): number {
    return Math.min(
      this.environment.INBOX_RETRY_DELAY_MS * 2 ** (deliveryCount - 1),
      MAX_RETRY_DELAY_MS,
    );
  }
}

/** Whatever a message does is recorded as done by the court that sent it. */
function actorOf(delivery: InboundDelivery): Actor {
  const sender = parseSubject(delivery.subject)?.from;
  return sender ? { kind: 'court', court: sender } : UNKNOWN_SENDER;
}

function rejectionOf(
  envelope: Envelope,
  error: ProtocolViolation | MessageNotApplicableYet,
): Rejection {
  return {
    reason: error.reason,
    detail: error.message,
    fieldErrors: error instanceof ProtocolViolation ? error.fieldErrors : [],
    rejectedMessageId: envelope.id,
  };
}

/** A UUID (version 8, RFC 9562) from the SHA-256 of the bytes: the same bytes, the same id. */
function evidenceId(delivery: InboundDelivery): string {
  const bytes = createHash('sha256').update(delivery.data).digest().subarray(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x80;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The bytes as text PostgreSQL can hold: it refuses NUL characters in text columns. */
function storableText(data: Uint8Array): string {
  return Buffer.from(data).toString('utf8').replaceAll('\u0000', '\uFFFD');
}
