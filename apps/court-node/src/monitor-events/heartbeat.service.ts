import { NatsConnectionService } from '@enforcement-link/messaging';
import {
  CourtHeartbeatEvent,
  courtConsumerName,
  courtMessagesStreamName,
  heartbeatSubject,
} from '@enforcement-link/protocol';
import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CourtNodeEnvironment } from '../config/court-node.environment';

/** Until NATS is reached, how soon the first heartbeat is tried again. */
const FIRST_BEAT_RETRY_MS = 250;

const TRANSPORT_STATE = `
  SELECT (SELECT count(*) FROM outbox_messages WHERE published_at IS NULL) AS outbox_pending,
         (SELECT min(created_at) FROM outbox_messages WHERE published_at IS NULL) AS oldest_outbox_at,
         (SELECT count(*) FROM dead_letters WHERE replayed_at IS NULL) AS dead_letters`;

/**
 * Tells the command centres' monitor, every HEARTBEAT_INTERVAL_SECONDS, that this node is
 * alive and how its transport is doing. Heartbeats go over core NATS: a lost one is replaced by
 * the next, and nothing but the latest matters.
 */
@Injectable()
export class HeartbeatService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(HeartbeatService.name);
  private readonly startedAt = new Date().toISOString();
  private timer?: NodeJS.Timeout;
  private beating?: Promise<void>;
  private beatenOnce = false;

  constructor(
    private readonly environment: CourtNodeEnvironment,
    private readonly nats: NatsConnectionService,
    private readonly dataSource: DataSource,
  ) {}

  onApplicationBootstrap(): void {
    this.schedule(0);
  }

  async onApplicationShutdown(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.beating;
  }

  private schedule(delayMs: number): void {
    this.timer = setTimeout(() => {
      this.beating = this.beat().then((sent) => {
        if (!this.timer) return;
        this.schedule(
          sent || this.beatenOnce
            ? this.environment.HEARTBEAT_INTERVAL_SECONDS * 1000
            : FIRST_BEAT_RETRY_MS,
        );
      });
    }, delayMs);
  }

  /** Publishes one heartbeat; false when NATS cannot be reached. Never throws. */
  private async beat(): Promise<boolean> {
    const connection = this.nats.current;
    if (!connection || !this.nats.isConnected) return false;
    try {
      const heartbeat = await this.measure();
      connection.publish(
        heartbeatSubject(this.environment.NATS_NAMESPACE, this.environment.COURT_ID),
        JSON.stringify(heartbeat),
      );
      this.beatenOnce = true;
      return true;
    } catch (error) {
      this.logger.warn(
        `no heartbeat this time: ${error instanceof Error ? error.message : String(error)}`,
      );
      return false;
    }
  }

  private async measure(): Promise<CourtHeartbeatEvent> {
    const [[transport], consumer] = await Promise.all([
      this.dataSource.query<
        { outbox_pending: string; oldest_outbox_at: Date | null; dead_letters: string }[]
      >(TRANSPORT_STATE),
      this.nats
        .jetStreamManager()
        .then((manager) =>
          manager.consumers.info(
            courtMessagesStreamName(this.environment.NATS_NAMESPACE),
            courtConsumerName(this.environment.COURT_ID),
          ),
        )
        .catch(() => undefined),
    ]);
    return {
      court: this.environment.COURT_ID,
      sentAt: new Date().toISOString(),
      startedAt: this.startedAt,
      intervalSeconds: this.environment.HEARTBEAT_INTERVAL_SECONDS,
      consumerPending: consumer ? consumer.num_pending + consumer.num_ack_pending : 0,
      outboxPending: Number(transport.outbox_pending),
      ...(transport.oldest_outbox_at
        ? { oldestOutboxAt: transport.oldest_outbox_at.toISOString() }
        : {}),
      deadLetters: Number(transport.dead_letters),
    };
  }
}
