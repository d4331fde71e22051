import { NatsConnectionService, settleWithin, SHUTDOWN_WAIT_MS } from '@enforcement-link/messaging';
import { LiveUpdates } from '@enforcement-link/platform';
import { decodeMonitorEvent, monitorEventsStreamName } from '@enforcement-link/protocol';
import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { ConsumerMessages, DeliverPolicy, JsMsg } from 'nats';
import { MonitorEnvironment } from '../config/monitor.environment';
import { MonitorMetrics } from '../metrics/monitor.metrics';
import { ProjectionStore, ReadEvent } from './projection-store';

/** Events applied in one transaction at most; under load batches grow up to this. */
const MAX_BATCH = 2_000;
/** Reading pauses while this many events wait to be applied. */
const HIGH_WATER = 4 * MAX_BATCH;
const RESTART_DELAY_MS = 1_000;

/**
 * Reads the monitor events stream in order, from just after the position the projection has
 * stored, and applies what arrives in batches: while one batch is written the next gathers, so
 * batches grow with the load. The position is committed with each batch; an empty database
 * (new, or lost) therefore rebuilds the whole projection from the stream.
 */
@Injectable()
export class EventIngestion implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(EventIngestion.name);
  private readonly stream: string;
  private stopping = false;
  private messages?: ConsumerMessages;
  private running?: Promise<void>;
  private waiting: ReadEvent[] = [];
  private lastRead = 0;
  private reading = false;
  private wake?: () => void;
  private drained?: () => void;
  private applied = 0;

  constructor(
    private readonly store: ProjectionStore,
    private readonly nats: NatsConnectionService,
    private readonly metrics: MonitorMetrics,
    private readonly updates: LiveUpdates,
    environment: MonitorEnvironment,
  ) {
    this.stream = monitorEventsStreamName(environment.NATS_NAMESPACE);
  }

  onApplicationBootstrap(): void {
    this.running = this.readUntilStopped();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopping = true;
    this.wake?.();
    this.drained?.();
    await settleWithin(this.messages?.close() ?? Promise.resolve(), SHUTDOWN_WAIT_MS);
    await settleWithin(this.running ?? Promise.resolve(), SHUTDOWN_WAIT_MS);
  }

  /** The last stream sequence read and applied. */
  get position(): number {
    return this.applied;
  }

  /** Empties the projection and reads the whole stream again. */
  async rebuild(): Promise<void> {
    this.stopping = true;
    await this.messages?.close();
    await this.running;
    await this.store.clear();
    // From now on the status shows the whole stream as still to be read.
    this.applied = 0;
    this.stopping = false;
    this.running = this.readUntilStopped();
  }

  private async readUntilStopped(): Promise<void> {
    while (!this.stopping) {
      try {
        await this.readFromPosition();
      } catch (error) {
        this.logger.warn(`reading ${this.stream} stopped: ${describe(error)}; restarting`);
      }
      if (!this.stopping) await sleep(RESTART_DELAY_MS);
    }
  }

  private async readFromPosition(): Promise<void> {
    const connection = this.nats.current;
    if (!connection || !this.nats.isConnected) return;
    this.applied = await this.store.position(this.stream);
    this.waiting = [];
    this.lastRead = this.applied;
    const consumer = await connection.jetstream().consumers.get(this.stream, {
      deliver_policy: DeliverPolicy.StartSequence,
      opt_start_seq: this.applied + 1,
    });
    const messages = await consumer.consume({ max_messages: MAX_BATCH });
    this.messages = messages;
    this.reading = true;
    const applying = this.applyUntilStopped(messages);
    try {
      for await (const message of messages) {
        this.read(message);
        if (this.waiting.length >= HIGH_WATER) {
          await new Promise<void>((resolve) => (this.drained = resolve));
        }
        if (this.stopping) break;
      }
    } finally {
      this.reading = false;
      messages.stop();
      this.wake?.();
      await applying;
    }
  }

  private read(message: JsMsg): void {
    this.lastRead = message.seq;
    const decoded = decodeMonitorEvent(message.subject, message.data);
    if (!decoded.ok) {
      this.logger.warn(`ignored event ${message.seq} on ${message.subject}: ${decoded.problem}`);
    } else {
      const { event } = decoded;
      this.waiting.push({
        streamSequence: message.seq,
        type: decoded.type,
        court: decoded.court,
        id: event.id,
        occurredAt: event.occurredAt,
        requestId: event.requestId,
        payload: decoded.event,
      });
    }
    this.wake?.();
  }

  /** Applies whatever has gathered, batch after batch, until the reading stops. */
  private async applyUntilStopped(messages: ConsumerMessages): Promise<void> {
    while (this.reading || this.lastRead > this.applied) {
      if (this.lastRead === this.applied) {
        await new Promise<void>((resolve) => (this.wake = resolve));
        continue;
      }
      const batch = this.waiting.splice(0, MAX_BATCH);
      const upTo =
        batch.length === MAX_BATCH ? batch[batch.length - 1].streamSequence : this.lastRead;
      this.drained?.();
      try {
        const started = performance.now();
        await this.store.apply(this.stream, upTo, batch);
        this.applied = upTo;
        this.updates.publish({ position: upTo });
        this.metrics.batchApplied(
          upTo,
          batch.map((event) => event.type),
          (performance.now() - started) / 1000,
        );
      } catch (error) {
        // Read again from the stored position: nothing of the failed batch was kept.
        this.logger.warn(`applying events up to ${upTo} failed: ${describe(error)}`);
        messages.stop();
        return;
      }
    }
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
