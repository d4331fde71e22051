import { describeNatsError, NatsConnectionService } from '@enforcement-link/messaging';
import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { JetStreamClient } from 'nats';
import { DataSource, EntityManager, In, IsNull, LessThanOrEqual } from 'typeorm';
import { DocumentStore } from '../documents/document-store.service';
import { CourtNodeMetrics } from '../metrics/court-node.metrics';
import { OutboxMessage } from './outbox-message.entity';

const BATCH_SIZE = 100;
/** How often the outbox is searched for messages that did not go out at once, and retries. */
const POLL_INTERVAL_MS = 1_000;
/**
 * How long a new message is left to the publisher of the transaction that wrote it before the
 * poll takes it over (NATS was down, the process died before publishing).
 */
export const IMMEDIATE_PUBLISH_GRACE_MS = 2_000;
const PUBLISH_TIMEOUT_MS = 5_000;
const RETRY_BACKOFF_MS = { initial: 500, max: 60_000 };

export function retryDelayMs(attempts: number): number {
  return Math.min(RETRY_BACKOFF_MS.initial * 2 ** (attempts - 1), RETRY_BACKOFF_MS.max);
}

/** A message as it was written to the outbox. */
export type CommittedMessage = Pick<OutboxMessage, 'id' | 'subject' | 'payload'>;

/**
 * Publishes outbox messages to JetStream and marks each published once the stream has
 * acknowledged it. Messages go out the moment the transaction that wrote them commits; a poll
 * takes over those that could not (NATS unreachable, a crash in between), oldest first, with
 * backoff, so nothing is lost. Replicas share the poll: each batch is locked with SKIP LOCKED.
 * A message published twice (by both paths) is dropped by JetStream by its `Nats-Msg-Id`.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OutboxRelay.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private readonly publishing = new Set<Promise<void>>();
  private stopping = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly nats: NatsConnectionService,
    private readonly metrics: CourtNodeMetrics,
    private readonly documents: DocumentStore,
  ) {}

  onApplicationBootstrap(): void {
    this.schedule(0);
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopping = true;
    clearTimeout(this.timer);
    await Promise.all([this.running, ...this.publishing]);
  }

  /** Publishes messages a transaction has just committed, without waiting for the poll. */
  publishCommitted(messages: CommittedMessage[]): void {
    const connection = this.nats.current;
    if (this.stopping || !connection || !this.nats.isConnected) return;
    const jetStream = connection.jetstream();
    const publishing = Promise.allSettled(
      messages.map((message) => this.publish(jetStream, message).then(() => message.id)),
    )
      .then(async (outcomes) => {
        const published = outcomes.flatMap((outcome) =>
          outcome.status === 'fulfilled' ? [outcome.value] : [],
        );
        if (published.length === 0) return;
        await this.dataSource.query(
          'UPDATE outbox_messages SET published_at = now() WHERE id = ANY($1) AND published_at IS NULL',
          [published],
        );
      })
      .catch((error: unknown) => {
        // The poll publishes them again; JetStream drops the copies.
        this.logger.warn(`could not mark messages published: ${describeNatsError(error)}`);
      })
      .finally(() => this.publishing.delete(publishing));
    this.publishing.add(publishing);
  }

  private schedule(delayMs: number): void {
    if (this.stopping) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.cycle(), delayMs);
  }

  private async cycle(): Promise<void> {
    let published = 0;
    this.running = this.relayBatch()
      .then((count) => {
        published = count;
      })
      .catch((error: unknown) => {
        this.logger.error(`outbox relay failed: ${describeNatsError(error)}`);
      });
    await this.running;
    this.running = undefined;
    this.schedule(published === BATCH_SIZE ? 0 : POLL_INTERVAL_MS);
  }

  /**
   * Publishes one batch of due messages; returns how many JetStream acknowledged. Documents
   * uploaded while NATS was unreachable go to the store first, so that the messages listing
   * them arrive after them (one that overtakes its document is delivered again later).
   */
  private async relayBatch(): Promise<number> {
    const connection = this.nats.current;
    if (!connection || !this.nats.isConnected) return 0;
    await this.documents.storePending().catch((error: unknown) => {
      this.logger.warn(
        `could not store the documents kept while NATS was down: ${describeNatsError(error)}`,
      );
    });
    const jetStream = connection.jetstream();

    return this.dataSource.transaction(async (manager) => {
      const due = await manager.find(OutboxMessage, {
        where: { publishedAt: IsNull(), nextAttemptAt: LessThanOrEqual(new Date()) },
        order: { createdAt: 'ASC' },
        take: BATCH_SIZE,
        lock: { mode: 'pessimistic_write', onLocked: 'skip_locked' },
      });
      // Published back to back on one connection, so the stream keeps their order; the
      // acknowledgements are awaited together.
      const outcomes = await Promise.allSettled(
        due.map((message) => this.publish(jetStream, message)),
      );
      const published = due.filter((_message, i) => outcomes[i].status === 'fulfilled');
      if (published.length > 0) {
        await manager.update(
          OutboxMessage,
          { id: In(published.map((message) => message.id)) },
          { publishedAt: new Date() },
        );
      }
      for (const [i, outcome] of outcomes.entries()) {
        if (outcome.status === 'rejected') await this.postpone(manager, due[i], outcome.reason);
      }
      return published.length;
    });
  }

  private async publish(jetStream: JetStreamClient, message: CommittedMessage): Promise<void> {
    await jetStream.publish(message.subject, Buffer.from(message.payload), {
      msgID: message.id,
      timeout: PUBLISH_TIMEOUT_MS,
    });
    this.metrics.messagePublished(message.subject);
  }

  private async postpone(
    manager: EntityManager,
    message: OutboxMessage,
    error: unknown,
  ): Promise<void> {
    const attempts = message.attempts + 1;
    const lastError = describeNatsError(error);
    await manager.update(OutboxMessage, message.id, {
      attempts,
      lastError,
      nextAttemptAt: new Date(Date.now() + retryDelayMs(attempts)),
    });
    this.logger.warn(`could not publish ${message.id} to ${message.subject}: ${lastError}`);
  }
}
