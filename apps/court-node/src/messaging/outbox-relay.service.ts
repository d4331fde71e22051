import { NatsConnectionService } from '@enforcement-link/messaging';
import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { DataSource, EntityManager, In, IsNull, LessThanOrEqual } from 'typeorm';
import { OutboxMessage } from './outbox-message.entity';

const BATCH_SIZE = 100;
/** How often the outbox is looked at without being woken: other replicas' messages, retries. */
const POLL_INTERVAL_MS = 1_000;
const PUBLISH_TIMEOUT_MS = 5_000;
const RETRY_BACKOFF_MS = { initial: 500, max: 60_000 };

export function retryDelayMs(attempts: number): number {
  return Math.min(RETRY_BACKOFF_MS.initial * 2 ** (attempts - 1), RETRY_BACKOFF_MS.max);
}

/**
 * Publishes outbox messages to JetStream, oldest first, and marks each published once the
 * stream has acknowledged it. While NATS is unreachable nothing is lost: messages wait in the
 * outbox and go out when it returns. Replicas share the work: each batch is locked with
 * SKIP LOCKED, so no message is published by two of them at once (and JetStream drops a
 * duplicate by its `Nats-Msg-Id` anyway).
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OutboxRelay.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private wakeRequested = false;
  private stopping = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly nats: NatsConnectionService,
  ) {}

  onApplicationBootstrap(): void {
    this.schedule(0);
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopping = true;
    clearTimeout(this.timer);
    await this.running;
  }

  /** Called once messages were committed to the outbox: relay now rather than at the next poll. */
  wakeSoon(): void {
    if (this.running) this.wakeRequested = true;
    else this.schedule(0);
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
        this.logger.error(
          `outbox relay failed: ${error instanceof Error ? error.message : String(error)}`,
        );
      });
    await this.running;
    this.running = undefined;
    const more = published === BATCH_SIZE || this.wakeRequested;
    this.wakeRequested = false;
    this.schedule(more ? 0 : POLL_INTERVAL_MS);
  }

  /** Publishes one batch of due messages; returns how many JetStream acknowledged. */
  private async relayBatch(): Promise<number> {
    const connection = this.nats.current;
    if (!connection || !this.nats.isConnected) return 0;
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
        due.map((message) =>
          jetStream.publish(message.subject, Buffer.from(message.payload), {
            msgID: message.id,
            timeout: PUBLISH_TIMEOUT_MS,
          }),
        ),
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

  private async postpone(
    manager: EntityManager,
    message: OutboxMessage,
    error: unknown,
  ): Promise<void> {
    const attempts = message.attempts + 1;
    const lastError = error instanceof Error ? error.message : String(error);
    await manager.update(OutboxMessage, message.id, {
      attempts,
      lastError,
      nextAttemptAt: new Date(Date.now() + retryDelayMs(attempts)),
    });
    this.logger.warn(`could not publish ${message.id} to ${message.subject}: ${lastError}`);
  }
}
