import { NatsConnectionService } from '@enforcement-link/messaging';
import {
  CourtHeartbeatEvent,
  decodeHeartbeat,
  heartbeatsSubjectFilter,
} from '@enforcement-link/protocol';
import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Subscription } from 'nats';
import { DataSource } from 'typeorm';
import { MonitorEnvironment } from '../config/monitor.environment';

const WAIT_FOR_NATS_MS = 250;
/** Whether the heartbeat's audit head replaces the one kept: only a later one does. */
const LATER_AUDIT_HEAD =
  'EXCLUDED.audit_head_sequence >= coalesce(court_nodes.audit_head_sequence, 0)';

/**
 * Keeps the latest heartbeat of every court node: when it was last seen and how its outbox,
 * consumer and dead letters stood; and the highest audit-trail head it announced, as a witness
 * outside the node's database (a head that goes back is kept and logged: records were lost).
 * The subscription outlives reconnects by itself.
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
        await this.keep(heartbeat).catch((error: unknown) =>
          this.logger.warn(
            `could not keep the heartbeat of ${heartbeat.court}: ${error instanceof Error ? error.message : String(error)}`,
          ),
        );
      }
    })();
  }

  private async keep(heartbeat: CourtHeartbeatEvent): Promise<void> {
    const [sequence, hash] = heartbeat.auditHead?.split(':') ?? [null, null];
    const [kept] = await this.dataSource.query<{ witnessed: string | null }[]>(
      `WITH before AS (SELECT audit_head_sequence FROM court_nodes WHERE court = $1)
       INSERT INTO court_nodes (court, last_seen_at, started_at, interval_seconds,
         consumer_pending, outbox_pending, oldest_outbox_at, dead_letters,
         audit_head_sequence, audit_head_hash)
       VALUES ($1, now(), $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (court) DO UPDATE SET
         last_seen_at = now(), started_at = EXCLUDED.started_at,
         interval_seconds = EXCLUDED.interval_seconds,
         consumer_pending = EXCLUDED.consumer_pending,
         outbox_pending = EXCLUDED.outbox_pending,
         oldest_outbox_at = EXCLUDED.oldest_outbox_at,
         dead_letters = EXCLUDED.dead_letters,
         audit_head_sequence = CASE WHEN ${LATER_AUDIT_HEAD}
           THEN EXCLUDED.audit_head_sequence ELSE court_nodes.audit_head_sequence END,
         audit_head_hash = CASE WHEN ${LATER_AUDIT_HEAD}
           THEN EXCLUDED.audit_head_hash ELSE court_nodes.audit_head_hash END
       RETURNING (SELECT audit_head_sequence FROM before) AS witnessed`,
      [
        heartbeat.court,
        heartbeat.startedAt,
        heartbeat.intervalSeconds,
        heartbeat.consumerPending,
        heartbeat.outboxPending,
        heartbeat.oldestOutboxAt ?? null,
        heartbeat.deadLetters,
        sequence,
        hash,
      ],
    );
    if (kept?.witnessed && Number(sequence ?? 0) < Number(kept.witnessed)) {
      this.logger.warn(
        `the audit trail of ${heartbeat.court} went back from record ${kept.witnessed} to ${sequence ?? 'none'}: records were removed; the monitor keeps the head it saw`,
      );
    }
  }
}
