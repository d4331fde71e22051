import { NatsConnectionService } from '@enforcement-link/messaging';
import { decodeHeartbeat, heartbeatsSubjectFilter } from '@enforcement-link/protocol';
import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Subscription } from 'nats';
import { DataSource } from 'typeorm';
import { MonitorEnvironment } from '../config/monitor.environment';

const WAIT_FOR_NATS_MS = 250;

/**
 * Keeps the latest heartbeat of every court node: when it was last seen and how its outbox,
 * consumer and dead letters stood. The subscription outlives reconnects by itself.
 */
@Injectable()
export class HeartbeatListener implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(HeartbeatListener.name);
  private subscription?: Subscription;
  private timer?: NodeJS.Timeout;
  private listening?: Promise<void>;

  constructor(
    private readonly nats: NatsConnectionService,
    private readonly dataSource: DataSource,
    private readonly environment: MonitorEnvironment,
  ) {}

  onApplicationBootstrap(): void {
    this.subscribeOnceConnected();
  }

  async onApplicationShutdown(): Promise<void> {
    clearTimeout(this.timer);
    this.subscription?.unsubscribe();
    await this.listening;
  }

  private subscribeOnceConnected(): void {
    const connection = this.nats.current;
    if (!connection) {
      this.timer = setTimeout(() => this.subscribeOnceConnected(), WAIT_FOR_NATS_MS);
      return;
    }
    const subscription = connection.subscribe(
      heartbeatsSubjectFilter(this.environment.NATS_NAMESPACE),
    );
    this.subscription = subscription;
    this.listening = (async () => {
      for await (const message of subscription) {
        const heartbeat = decodeHeartbeat(message.data);
        if (!heartbeat || !message.subject.endsWith(`.${heartbeat.court}`)) {
          this.logger.warn(`ignored an invalid heartbeat on ${message.subject}`);
          continue;
        }
        await this.dataSource
          .query(
            `INSERT INTO court_nodes (court, last_seen_at, started_at, interval_seconds,
               consumer_pending, outbox_pending, oldest_outbox_at, dead_letters)
             VALUES ($1, now(), $2, $3, $4, $5, $6, $7)
             ON CONFLICT (court) DO UPDATE SET
               last_seen_at = now(), started_at = EXCLUDED.started_at,
               interval_seconds = EXCLUDED.interval_seconds,
               consumer_pending = EXCLUDED.consumer_pending,
               outbox_pending = EXCLUDED.outbox_pending,
               oldest_outbox_at = EXCLUDED.oldest_outbox_at,
               dead_letters = EXCLUDED.dead_letters`,
            [
              heartbeat.court,
              heartbeat.startedAt,
              heartbeat.intervalSeconds,
              heartbeat.consumerPending,
              heartbeat.outboxPending,
              heartbeat.oldestOutboxAt ?? null,
              heartbeat.deadLetters,
            ],
          )
          .catch((error: unknown) =>
            this.logger.warn(
              `could not keep the heartbeat of ${heartbeat.court}: ${error instanceof Error ? error.message : String(error)}`,
            ),
          );
      }
    })();
  }
}
