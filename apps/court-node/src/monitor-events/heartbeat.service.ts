import { NatsConnectionService } from '@enforcement-link/messaging';
import { CourtHeartbeatEvent, heartbeatSubject } from '@enforcement-link/protocol';
import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { formatChainHead } from '../audit/audit-chain';
import { AuditTrail } from '../audit/audit-trail';
import { CourtNodeEnvironment } from '../config/court-node.environment';
import { TransportState } from '../metrics/transport-state.service';

/** Until NATS is reached, how soon the first heartbeat is tried again. */
const FIRST_BEAT_RETRY_MS = 250;

/**
 * Tells the command centres' monitor, every HEARTBEAT_INTERVAL_SECONDS, that this node is
 * alive, how its transport is doing and where its audit trail stands. Heartbeats go over core
 * NATS: a lost one is replaced by the next, and nothing but the latest matters.
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
    private readonly transport: TransportState,
    private readonly audit: AuditTrail,
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
    const [figures, auditHead] = await Promise.all([this.transport.measure(), this.audit.head()]);
    return {
      court: this.environment.COURT_ID,
      sentAt: new Date().toISOString(),
      startedAt: this.startedAt,
      intervalSeconds: this.environment.HEARTBEAT_INTERVAL_SECONDS,
      consumerPending: figures.consumerPending ?? 0,
      outboxPending: figures.outboxPending,
      ...(figures.oldestOutboxAt ? { oldestOutboxAt: figures.oldestOutboxAt.toISOString() } : {}),
      deadLetters: figures.deadLetters,
      ...(auditHead ? { auditHead: formatChainHead(auditHead) } : {}),
    };
  }
}
