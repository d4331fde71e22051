import {
  Envelope,
  MESSAGE_CATALOGUE,
  MessageBody,
  MessageType,
  MONITOR_EVENT_CATALOGUE,
  MonitorEvent,
  monitorEventSubject,
  MonitorEventType,
  newMessageId,
  PROTOCOL_VERSION,
  subjectFor,
} from '@enforcement-link/protocol';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { EntityManager, TransactionCommitEvent } from 'typeorm';
import { payloadHash } from '../audit/audit-chain';
import { AuditTrail } from '../audit/audit-trail';
import { CourtNodeEnvironment } from '../config/court-node.environment';
import { MessageSignatures } from '../signing/message-signatures.service';
import { CommittedMessage, IMMEDIATE_PUBLISH_GRACE_MS, OutboxRelay } from './outbox-relay.service';
import { OutboxCommitSubscriber } from './outbox-commit.subscriber';

export interface OutgoingMessage<T extends MessageType> {
  type: T;
  to: string;
  requestId: string;
  causationId?: string;
  body: MessageBody<T>;
}

/**
 * Puts messages to other courts into the outbox, inside the caller's transaction. The rows a
 * transaction writes are inserted as it commits, all in one statement.
 */
@Injectable()
export class OutboxService implements OnModuleInit {
  constructor(
    private readonly environment: CourtNodeEnvironment,
    private readonly relay: OutboxRelay,
    private readonly signatures: MessageSignatures,
    private readonly auditTrail: AuditTrail,
  ) {}

  /**
   * Registered once every service is constructed, so after the steps that write to the outbox
   * as a transaction commits (the monitor's events), whose rows it inserts too.
   */
  onModuleInit(): void {
    this.auditTrail.beforeAppend((event) => this.insertCollected(event));
  }

  /**
   * Writes the message with `manager`, so it is sent, and recorded in the audit trail, if and
   * only if the caller's transaction commits. It is signed now and stored signed, exactly as it
   * travels, so what the court sent can be verified later. A body that breaks the protocol is a
   * bug here, not something to send: it throws.
   */
  async enqueue<T extends MessageType>(
    manager: EntityManager,
    message: OutgoingMessage<T>,
  ): Promise<Envelope> {
    refuseInvalid(message.type, MESSAGE_CATALOGUE[message.type], message.body);
    const envelope: Envelope = this.signatures.sign({
      id: newMessageId(),
      type: message.type,
      version: PROTOCOL_VERSION,
      from: this.environment.COURT_ID,
      to: message.to,
      requestId: message.requestId,
      ...(message.causationId ? { causationId: message.causationId } : {}),
      sentAt: new Date().toISOString(),
      body: message.body,
    });
    const payload = JSON.stringify(envelope);
    await this.write(manager, {
      id: envelope.id,
      subject: subjectFor({
        namespace: this.environment.NATS_NAMESPACE,
        to: message.to,
        from: this.environment.COURT_ID,
        type: message.type,
      }),
      payload,
    });
    AuditTrail.record(manager, {
      action: 'message.sent',
      requestId: envelope.requestId,
      messageId: envelope.id,
      detail: { type: envelope.type, to: envelope.to, payloadSha256: payloadHash(payload) },
    });
    return envelope;
  }

  /** Writes an event for the command centres' monitor, sent as `enqueue` sends messages. */
  async enqueueEvent<T extends MonitorEventType>(
    manager: EntityManager,
    type: T,
    event: MonitorEvent<T>,
  ): Promise<void> {
    refuseInvalid(`${type} event`, MONITOR_EVENT_CATALOGUE[type], event);
    await this.write(manager, {
      id: event.id,
      subject: monitorEventSubject(
        this.environment.NATS_NAMESPACE,
        this.environment.COURT_ID,
        type,
      ),
      payload: JSON.stringify(event),
    });
  }

  private async write(manager: EntityManager, written: CommittedMessage): Promise<void> {
    // In a transaction, the row is inserted as it commits, with the others it wrote.
    if (OutboxCommitSubscriber.collect(manager.queryRunner, written)) return;
    await insertRows(manager, [written]);
    this.relay.publishCommitted([written]);
  }

  private async insertCollected(event: TransactionCommitEvent): Promise<void> {
    const collected = OutboxCommitSubscriber.collected(event.queryRunner);
    if (collected.length > 0) await insertRows(event.manager, collected);
  }
}

async function insertRows(manager: EntityManager, rows: CommittedMessage[]): Promise<void> {
  // $1 is the time of the first attempt, shared by all rows; then three parameters per row.
  const values = rows.map((_, row) => `($${3 * row + 2}, $${3 * row + 3}, $${3 * row + 4}, $1)`);
  await manager.query(
    `INSERT INTO outbox_messages (id, subject, payload, next_attempt_at) VALUES ${values.join(', ')}`,
    [
      new Date(Date.now() + IMMEDIATE_PUBLISH_GRACE_MS),
      ...rows.flatMap((row) => [row.id, row.subject, row.payload]),
    ],
  );
}

/** A body that breaks the protocol is a bug here, not something to send: it throws. */
function refuseInvalid(what: string, shape: new () => object, body: object): void {
  const problems = validateSync(plainToInstance(shape, body), {
    whitelist: true,
    forbidNonWhitelisted: true,
  });
  if (problems.length > 0) {
    throw new Error(`refusing to send an invalid ${what}: ${problems.map(String).join('; ')}`);
  }
}
