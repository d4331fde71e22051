import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import { connect, Events, JetStreamManager, NatsConnection } from 'nats';
import { MESSAGING_OPTIONS, MessagingOptions } from './messaging-options';
import { describeConnectionError, natsConnectionOptions } from './nats-client-settings';
import { firstMissing, provisionConsumers, provisionStreams } from './streams/provision-streams';
import { settleWithin } from './settle-within';

/** How long stopping waits for NATS before it closes the connection regardless. */
export const SHUTDOWN_WAIT_MS = 5_000;

const FIRST_CONNECT_BACKOFF_MS = { initial: 250, max: 10_000 };
/** A cluster electing its leaders, or without quorum, answers stream requests late or not at all. */
const PROVISION_RETRY_MS = 2_000;

/** What to do about a missing stream or consumer when the service may not create it. */
export const ADMIN_PROVISIONS =
  'with NATS_PROVISIONING=admin an administrator creates it with `enforcement-link nats provision`';

/**
 * The service's one connection to NATS. Starting never waits for NATS: a court must keep
 * taking requests over HTTP while NATS is down, and its outbox delivers them later. Until the
 * first connection succeeds it retries with backoff; after that the client reconnects by itself,
 * and streams are provisioned again after every reconnect in case the server lost them, and
 * until provisioning succeeds (a cluster may not take stream requests while it elects). Where
 * an administrator provisions them instead (NATS_PROVISIONING=admin), it only looks for them and
 * says what is missing; readiness reports it too.
 */
@Injectable()
export class NatsConnectionService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(NatsConnectionService.name);
  private connection?: NatsConnection;
  private manager?: JetStreamManager;
  private lastError?: string;
  private disconnected = false;
  private stopping = false;
  private retryTimer?: NodeJS.Timeout;
  private provisionTimer?: NodeJS.Timeout;

  constructor(@Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions) {}

  onApplicationBootstrap(): void {
    void this.connectUntilStopped(FIRST_CONNECT_BACKOFF_MS.initial);
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopping = true;
    clearTimeout(this.retryTimer);
    clearTimeout(this.provisionTimer);
    const connection = this.connection;
    if (!connection || connection.isClosed()) return;
    if (!(await settleWithin(connection.drain(), SHUTDOWN_WAIT_MS))) {
      this.logger.warn(`draining the NATS connection took over ${SHUTDOWN_WAIT_MS} ms; closing it`);
    }
    // While the server is away, drain() resolves with nothing to flush but leaves the client
    // trying to reconnect: close it for good.
    if (!connection.isClosed()) await connection.close();
  }

  /** The open connection, or undefined while NATS has not been reached yet. */
  get current(): NatsConnection | undefined {
    return this.connection;
  }

  /** Whether messages can be published right now: connected, not between reconnects. */
  get isConnected(): boolean {
    return this.connection !== undefined && !this.connection.isClosed() && !this.disconnected;
  }

  /** Why the service is not connected, for readiness reports. */
  get problem(): string | undefined {
    return this.lastError;
  }

  async jetStreamManager(): Promise<JetStreamManager> {
    if (!this.connection) {
      throw new Error(`not connected to NATS at ${this.options.client.servers}`);
    }
    this.manager ??= await this.connection.jetstreamManager();
    return this.manager;
  }

  /** The first stream or consumer this service needs that does not exist, if any. */
  async missingResource(): Promise<string | undefined> {
    return firstMissing(
      await this.jetStreamManager(),
      this.options.streams,
      this.options.consumers,
    );
  }

  get provisioning(): MessagingOptions['provisioning'] {
    return this.options.provisioning;
  }

  private async connectUntilStopped(delayMs: number): Promise<void> {
    if (this.stopping) return;
    try {
      const connection = await connect(
        natsConnectionOptions(this.options.client, {
          name: this.options.connectionName,
          inboxPrefix: this.options.inboxPrefix,
          maxReconnectAttempts: -1,
          reconnectTimeWait: 1_000,
        }),
      );
      if (this.stopping) {
        await connection.close();
        return;
      }
      this.connection = connection;
      this.lastError = undefined;
      this.logger.log(`connected to NATS at ${connection.getServer()}`);
      void this.watchStatus(connection);
      await this.provision();
    } catch (error) {
      this.lastError = `cannot reach NATS at ${this.options.client.servers}: ${describeConnectionError(error)}`;
      this.logger.warn(`${this.lastError}; retrying in ${delayMs} ms`);
      this.retryTimer = setTimeout(
        () => void this.connectUntilStopped(Math.min(delayMs * 2, FIRST_CONNECT_BACKOFF_MS.max)),
        delayMs,
      );
    }
  }

  private async watchStatus(connection: NatsConnection): Promise<void> {
    for await (const status of connection.status()) {
      if (status.type === Events.Disconnect) {
        this.disconnected = true;
        this.lastError = `disconnected from NATS at ${connection.getServer()}`;
        this.logger.warn(this.lastError);
      } else if (status.type === Events.Reconnect) {
        this.disconnected = false;
        this.lastError = undefined;
        this.logger.log(`reconnected to NATS at ${connection.getServer()}`);
        await this.provision();
      }
    }
  }

  private async provision(): Promise<void> {
    if (this.stopping) return;
    clearTimeout(this.provisionTimer);
    try {
      if (this.options.provisioning === 'admin') {
        const missing = await this.missingResource();
        if (missing) this.logger.error(`${missing} is missing; ${ADMIN_PROVISIONS}`);
        return;
      }
      const manager = await this.jetStreamManager();
      await provisionStreams(manager, this.options.streams);
      await provisionConsumers(manager, this.options.consumers);
    } catch (error) {
      this.lastError = `cannot provision JetStream streams and consumers: ${describe(error)}`;
      this.logger.error(`${this.lastError}; trying again in ${PROVISION_RETRY_MS} ms`);
      this.provisionTimer = setTimeout(() => void this.provision(), PROVISION_RETRY_MS);
    }
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
