import { NatsConnectionService, settleWithin, SHUTDOWN_WAIT_MS } from '@enforcement-link/messaging';
import {
  courtConsumerName,
  courtMessagesStreamName,
  DecodedMessage,
  RejectionReason,
} from '@enforcement-link/protocol';
import { CustomTransportStrategy, MessageHandler, Server } from '@nestjs/microservices';
import { ConsumerMessages, JsMsg, NatsConnection } from 'nats';
import { lastValueFrom } from 'rxjs';
import { EntityManager } from 'typeorm';
import { CourtNodeEnvironment } from '../config/court-node.environment';
import { CourtNodeMetrics } from '../metrics/court-node.metrics';
import { InboundMessageContext } from './inbound-message.context';
import { ProtocolViolation } from './inbound-errors';
import { InboxService, Settlement } from './inbox.service';

const RESTART_DELAY_MS = 1_000;
/**
 * Messages handled in one transaction at most. Batches form of messages that arrive together
 * and of those that wait for a free handler, so a quiet node still handles a message the moment
 * it arrives.
 */
const MAX_BATCH = 16;

/**
 * The inbound side of decision 0002: a NestJS transport strategy that pulls this court's
 * messages from its durable JetStream consumer and hands each to the inbox, which runs the
 * `@EventPattern(type)` handler in a transaction. The transport then settles the message as the
 * inbox decided: ack after the commit, term after a rejection, nak with a delay to try again.
 * Up to INBOX_CONCURRENCY batches are handled at once; a batch is every message waiting when a
 * handler comes free (up to MAX_BATCH), which the inbox handles in one transaction. It starts
 * without waiting for NATS, pulls once the court key registry has been read, and keeps pulling
 * across reconnects.
 */
export class CourtMessageTransport extends Server implements CustomTransportStrategy {
  private closing = false;
  private messages?: ConsumerMessages;
  private consuming?: Promise<void>;
  private readonly inFlight = new Set<Promise<void>>();
  /** Pulled, waiting for a free handler. */
  private readonly waiting: JsMsg[] = [];
  private readonly roomFreed: (() => void)[] = [];
  private batchesScheduled = false;
  /**
   * The handler of each message type, once found: NestJS's own lookup first tries to parse the
   * pattern as JSON, which throws for every type name, on every message.
   */
  private readonly handlers = new Map<string, MessageHandler>();

  constructor(
    private readonly inbox: InboxService,
    private readonly nats: NatsConnectionService,
    private readonly environment: CourtNodeEnvironment,
    private readonly metrics: CourtNodeMetrics,
  ) {
    super();
  }

  listen(callback: () => void): void {
    this.inbox.useDispatcher((message, manager) => this.dispatch(message, manager));
    this.consuming = this.consumeUntilClosed();
    callback();
  }

  async close(): Promise<void> {
    this.closing = true;
    const stopped = this.messages?.close() ?? Promise.resolve();
    if (
      !(await settleWithin(
        stopped.then(() => this.consuming),
        SHUTDOWN_WAIT_MS,
      ))
    ) {
      this.logger.warn(
        `the pull of ${this.durableName} did not stop within ${SHUTDOWN_WAIT_MS} ms`,
      );
    }
    // Each batch that ends starts the next from what is waiting.
    while (this.inFlight.size > 0) await Promise.all(this.inFlight);
  }

  on(): never {
    throw new Error('the court message transport emits no events');
  }

  unwrap<T>(): T {
    return this.nats.current as T;
  }

  private async dispatch(message: DecodedMessage, manager: EntityManager): Promise<void> {
    const { type } = message.envelope;
    const handler = this.handlerOf(type);
    if (!handler) {
      throw new ProtocolViolation(
        RejectionReason.UnknownMessageType,
        `${this.environment.COURT_ID} does not handle ${type}`,
      );
    }
    const result: unknown = await handler(message, new InboundMessageContext([message, manager]));
    await lastValueFrom(this.transformToObservable(result), { defaultValue: undefined });
  }

  /** Only handlers found are kept: the map holds at most the protocol catalogue's types. */
  private handlerOf(type: string): MessageHandler | null {
    const known = this.handlers.get(type);
    if (known) return known;
    const found = this.getHandlerByPattern(type);
    if (found) this.handlers.set(type, found);
    return found;
  }

  private get durableName(): string {
    return courtConsumerName(this.environment.COURT_ID);
  }

  private async consumeUntilClosed(): Promise<void> {
    while (!this.closing) {
      const connection = this.nats.current;
      // Messages wait in the stream until the inbox can judge them (the key registry is read).
      if (!connection || !this.nats.isConnected || !this.inbox.ready) {
        await sleep(RESTART_DELAY_MS / 4);
        continue;
      }
      try {
        await this.consume(connection);
      } catch (error) {
        this.logger.warn(
          `pulling messages for ${this.environment.COURT_ID} stopped: ${describe(error)}; restarting`,
        );
      }
      if (!this.closing) await sleep(RESTART_DELAY_MS);
    }
  }

  private async consume(connection: NatsConnection): Promise<void> {
    // The consumer itself is provisioned with the connection (see app.module.ts).
    const stream = courtMessagesStreamName(this.environment.NATS_NAMESPACE);
    const consumer = await connection.jetstream().consumers.get(stream, this.durableName);
    const messages = await consumer.consume({
      max_messages: 2 * this.environment.INBOX_CONCURRENCY,
    });
    this.messages = messages;
    if (this.closing) await messages.close();
    for await (const message of messages) {
      this.waiting.push(message);
      this.startBatchesSoon();
      while (this.waiting.length >= MAX_BATCH) {
        await new Promise<void>((resolve) => this.roomFreed.push(resolve));
      }
    }
  }

  /**
   * Starts batches once the messages that arrived together have all been pulled: the consumer
   * hands them over one at a time, and a receipt and an answer sent together belong together.
   */
  private startBatchesSoon(): void {
    if (this.batchesScheduled) return;
    this.batchesScheduled = true;
    setImmediate(() => {
      this.batchesScheduled = false;
      this.startBatches();
    });
  }

  private startBatches(): void {
    while (this.inFlight.size < this.environment.INBOX_CONCURRENCY && this.waiting.length > 0) {
      const handling = this.handle(this.waiting.splice(0, MAX_BATCH)).finally(() => {
        this.inFlight.delete(handling);
        this.startBatches();
      });
      this.inFlight.add(handling);
      this.roomFreed.splice(0).forEach((resume) => resume());
    }
  }

  private async handle(batch: JsMsg[]): Promise<void> {
    const started = performance.now();
    const settlements: Settlement[] = await this.inbox.receiveAll(
      batch.map((message) => ({
        subject: message.subject,
        data: message.data,
        deliveryCount: message.info.deliveryCount,
        storedAt: new Date(message.info.timestampNanos / 1e6),
      })),
    );
    const seconds = (performance.now() - started) / 1000;
    batch.forEach((message, index) => {
      const settlement = settlements[index];
      switch (settlement.action) {
        case 'ack':
          message.ack();
          break;
        case 'term':
          message.term();
          break;
        case 'nak':
          message.nak(settlement.delayMs);
          break;
      }
      this.metrics.messageSettled(
        message.subject,
        settlement.action === 'nak' ? 'retried' : settlement.outcome,
        seconds,
      );
    });
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
