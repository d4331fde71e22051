import { CourtNodeEnvironment } from '../../apps/court-node/src/config/court-node.environment';
import { createCourtNodeApp } from '../../apps/court-node/src/court-node.app';
import { MonitorEnvironment } from '../../apps/monitor/src/config/monitor.environment';
import { createMonitorApp } from '../../apps/monitor/src/monitor.app';
import { Environment, quoteIdentifier, validateEnvironment } from '@enforcement-link/platform';
import { INestApplication } from '@nestjs/common';
import { connect, JetStreamManager, NatsConnection } from 'nats';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { TestCourtKeys } from './court-keys';
import { waitFor } from './wait-for';

/** The services a test run uses: those the test command brought up, or the usual local ones. */
export const NATS_URL = process.env.NATS_URL ?? 'nats://127.0.0.1:4222';
export const DATABASE_SERVER_URL =
  process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface RunningApp {
  app: INestApplication;
  url: string;
}

/**
 * One test file's private network: its own NATS namespace (so its subjects and streams are its
 * own), its own databases and its courts' signing keys, all removed by `cleanup()`. Test files
 * run in parallel and never see each other's data, nor the data of a network running on the
 * same services.
 */
export class TestNetwork {
  private readonly databases = new Set<string>();
  private readonly apps = new Set<INestApplication>();
  /** Each court node gets a key of its own, registered when it starts. */
  readonly keys: TestCourtKeys;

  /** Signs every service's session tokens in this network. */
  readonly tokenSecret = randomBytes(32).toString('base64');

  private constructor(
    readonly namespace: string,
    /** Comma-separated, as `NATS_URL` takes them: several for a cluster. */
    readonly natsUrl: string,
    private readonly databaseServerUrl: string,
  ) {
    this.keys = new TestCourtKeys(namespace);
  }

  /** A network on the test command's services, or on servers a test started itself. */
  static create({
    natsUrl = NATS_URL,
    databaseServerUrl = DATABASE_SERVER_URL,
  }: { natsUrl?: string; databaseServerUrl?: string } = {}): TestNetwork {
    const namespace = `t${Date.now().toString(36)}${randomBytes(4).toString('hex')}`;
    return new TestNetwork(namespace, natsUrl, databaseServerUrl);
  }

  /** A database URL on the test server, unique to this run; the database is dropped on cleanup. */
  databaseUrl(name: string): string {
    const database = `${this.namespace}_${name.replace(/-/g, '_')}`;
    this.databases.add(database);
    const url = new URL(this.databaseServerUrl);
    url.pathname = `/${database}`;
    return url.toString();
  }

  courtNodeEnvironment(court: string, overrides: Environment = {}): CourtNodeEnvironment {
    return validateEnvironment(CourtNodeEnvironment, {
      ...this.sharedEnvironment(),
      COURT_ID: court,
      DATABASE_URL: this.databaseUrl(court),
      SIGNING_KEY_SEED_FILE: this.keys.seedFileOf(court),
      ...overrides,
    });
  }

  /** The signing key variables of `court`'s node run as a child process, its key registered. */
  async signingEnvironment(
    court: string,
    natsUrl = this.natsUrl,
    replicas = 1,
  ): Promise<Environment> {
    await this.keys.register(court, natsUrl, replicas);
    return { SIGNING_KEY_SEED_FILE: this.keys.seedFileOf(court) };
  }

  monitorEnvironment(overrides: Environment = {}): MonitorEnvironment {
    return validateEnvironment(MonitorEnvironment, {
      ...this.sharedEnvironment(),
      DATABASE_URL: this.databaseUrl('monitor'),
      ...overrides,
    });
  }

  /** Variables for a service run as a child process, the way an operator would start it. */
  sharedEnvironment(): Environment {
    return {
      NATS_URL: this.natsUrl,
      NATS_NAMESPACE: this.namespace,
      AUTH_TOKEN_SECRET: this.tokenSecret,
      LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    };
  }

  async startCourtNode(environment: CourtNodeEnvironment): Promise<RunningApp> {
    const court = environment.COURT_ID;
    if (environment.SIGNING_KEY_SEED_FILE === this.keys.seedFileOf(court)) {
      await this.keys.register(court, environment.NATS_URL, environment.NATS_STREAM_REPLICAS);
    }
    return this.listen(createCourtNodeApp(environment));
  }

  startMonitor(environment: MonitorEnvironment): Promise<RunningApp> {
    return this.listen(createMonitorApp(environment));
  }

  async stop(running: RunningApp): Promise<void> {
    this.apps.delete(running.app);
    await running.app.close();
  }

  async cleanup(): Promise<void> {
    await Promise.all([...this.apps].map((app) => app.close()));
    this.apps.clear();
    await this.dropDatabases();
    await this.deleteStreams();
    this.keys.cleanup();
  }

  async withJetStreamManager<T>(use: (manager: JetStreamManager) => Promise<T>): Promise<T> {
    const connection: NatsConnection = await connect({ servers: this.natsUrl.split(',') });
    try {
      return await use(await connection.jetstreamManager());
    } finally {
      await connection.close();
    }
  }

  async query<T>(databaseUrl: string, sql: string, parameters: unknown[] = []): Promise<T[]> {
    const client = new Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      return (await client.query(sql, parameters)).rows as T[];
    } finally {
      await client.end();
    }
  }

  /** Which service claimed the database: a court code, or `monitor`. */
  async databaseOwner(databaseUrl: string): Promise<string> {
    const [row] = await this.query<{ owner: string }>(
      databaseUrl,
      'SELECT owner FROM database_owner',
    );
    return row.owner;
  }

  private async listen(created: Promise<INestApplication>): Promise<RunningApp> {
    const app = await created;
    this.apps.add(app);
    await app.listen(0, '127.0.0.1');
    return { app, url: await app.getUrl() };
  }

  private async dropDatabases(): Promise<void> {
    for (const database of this.databases) {
      await this.query(
        this.databaseServerUrl,
        `DROP DATABASE IF EXISTS ${quoteIdentifier(database)} WITH (FORCE)`,
      );
    }
    this.databases.clear();
  }

  private async deleteStreams(): Promise<void> {
    // Key-value and object-store buckets keep their data in streams named KV_<bucket>, OBJ_<bucket>.
    const ours = new RegExp(`^(?:KV_|OBJ_)?${this.namespace.toUpperCase()}_`);
    await this.withJetStreamManager(async (manager) => {
      for await (const stream of manager.streams.list()) {
        if (ours.test(stream.config.name)) await manager.streams.delete(stream.config.name);
      }
    });
  }
}

export interface ReadinessReport {
  status: 'ok' | 'unavailable';
  checks: Record<string, { status: 'up' | 'down'; detail?: string }>;
}

export async function readiness(
  url: string,
): Promise<{ httpStatus: number; report: ReadinessReport }> {
  const response = await fetch(`${url}/health/ready`);
  return { httpStatus: response.status, report: (await response.json()) as ReadinessReport };
}

/** The report of a service whose database and NATS (with JetStream) are both up. */
export function readyWithDatabaseAndNats(): ReadinessReport {
  return {
    status: 'ok',
    checks: {
      database: { status: 'up' },
      nats: { status: 'up', detail: expect.stringContaining('JetStream') as string },
    },
  };
}

export function waitUntilReady(url: string, timeoutMs?: number): Promise<ReadinessReport> {
  return waitFor(
    `${url} to be ready`,
    async () => {
      const { httpStatus, report } = await readiness(url);
      return httpStatus === 200 ? report : undefined;
    },
    timeoutMs,
  );
}
