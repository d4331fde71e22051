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
import { Injectable } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { EntityManager } from 'typeorm';
import { payloadHash } from '../audit/audit-chain';
import { AuditTrail } from '../audit/audit-trail';
import { CourtNodeEnvironment } from '../config/court-node.environment';
import { MessageSignatures } from '../signing/message-signatures.service';
import { IMMEDIATE_PUBLISH_GRACE_MS, OutboxRelay } from './outbox-relay.service';
import { OutboxMessage } from './outbox-message.entity';
import { OutboxCommitSubscriber } from './outbox-commit.subscriber';

export interface OutgoingMessage<T extends MessageType> {
  type: T;
  to: string;
  requestId: string;
  causationId?: string;
  body: MessageBody<T>;
}

/** Puts messages to other courts into the outbox, inside the caller's transaction. */
@Injectable()
export class OutboxService {
  constructor(
    private readonly environment: CourtNodeEnvironment,
    private readonly relay: OutboxRelay,
    private readonly signatures: MessageSignatures,
  ) {}

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

  private async write(
    manager: EntityManager,
    written: Pick<OutboxMessage, 'id' | 'subject' | 'payload'>,
  ): Promise<void> {
    await manager.insert(OutboxMessage, {
      ...written,
      nextAttemptAt: new Date(Date.now() + IMMEDIATE_PUBLISH_GRACE_MS),
    });
    if (!OutboxCommitSubscriber.collect(manager.queryRunner, written)) {
      this.relay.publishCommitted([written]);
    }
  }
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
