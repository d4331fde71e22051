import { RegistryAsset } from '../../court-node/src/asset-registry/registry-asset.entity';
import { CourtNodeEnvironment } from '../../court-node/src/config/court-node.environment';
import { createCourtNodeApp } from '../../court-node/src/court-node.app';
import { MonitorEnvironment } from '../../monitor/src/config/monitor.environment';
import { createMonitorApp } from '../../monitor/src/monitor.app';
import {
  changeCourtKeys,
  natsClientSettings,
  natsConnectionOptions,
  openCourtKeysBucket,
  withCurrentKey,
} from '@enforcement-link/messaging';
import {
  AccountsService,
  Environment,
  quoteIdentifier,
  Role,
  validateEnvironment,
} from '@enforcement-link/platform';
import { SigningKey } from '@enforcement-link/protocol';
import { ConflictException, INestApplication } from '@nestjs/common';
import { connect, NatsConnection } from 'nats';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { DemoEnvironment } from './demo.environment';
import { DEMO_COURTS, DemoCourt } from './demo-courts';
import { DEMO_REGISTRY_CATEGORIES, demoRegistryRecordsOf } from './registry/demo-debtors';

/** Who can sign in at every court of the demo, all with the password the demo prints. */
export const DEMO_COURT_ACCOUNTS: { username: string; role: Role; displayName: string }[] = [
  { username: 'clerk', role: 'clerk', displayName: '立案书记员' },
  { username: 'handler', role: 'handler', displayName: '执行承办人' },
  { username: 'admin', role: 'court-admin', displayName: '法院管理员' },
];
export const DEMO_MONITOR_ACCOUNT = {
  username: 'command-centre',
  role: 'command-centre-admin' as Role,
  displayName: '指挥中心管理员',
};

export interface DemoService {
  /** A court code, or `monitor`. */
  name: string;
  url: string;
  app: INestApplication;
}

export interface DemoCourtService extends DemoService {
  court: DemoCourt;
}

/**
 * The Yellow River bend network in one process: the monitor and a node per intermediate court,
 * each with its own database, signing key and accounts, on one NATS and one PostgreSQL server.
 * Each node is the same app a court deploys alone; only the process is shared, which keeps ten
 * courts within a laptop's memory.
 */
export class DemoNetwork {
  private constructor(
    readonly monitor: DemoService,
    readonly courts: DemoCourtService[],
    /** The password of every account, kept in the data folder so it survives a restart. */
    readonly password: string,
    readonly dataDir: string,
  ) {}

  static async start(environment: DemoEnvironment, { fresh = false } = {}): Promise<DemoNetwork> {
    const dataDir = resolve(environment.DEMO_DATA_DIR);
    mkdirSync(join(dataDir, 'keys'), { recursive: true, mode: 0o700 });
    const courts = DEMO_COURTS.filter(
      (court) => !environment.DEMO_COURTS || environment.DEMO_COURTS.includes(court.code),
    );
    if (fresh) await forgetEverything(environment, courts);
    const password = keptSecret(dataDir, 'password');
    const shared: Environment = {
      NATS_URL: environment.NATS_URL,
      NATS_NAMESPACE: environment.NATS_NAMESPACE,
      AUTH_TOKEN_SECRET: keptSecret(dataDir, 'token-secret'),
      LOG_LEVEL: environment.LOG_LEVEL,
    };
    const seedFiles = await registerSigningKeys(environment, dataDir, courts);

    const started: DemoService[] = [];
    const track = (service: DemoService): DemoService => {
      started.push(service);
      return service;
    };
    try {
      const monitorPromise = listen(
        'monitor',
        createMonitorApp(
          validateEnvironment(MonitorEnvironment, {
            ...shared,
            DATABASE_URL: databaseUrl(environment, 'monitor'),
          }),
        ),
        environment.DEMO_PORT,
      ).then(track);
      const courtPromises = courts.map((court) =>
        listen(
          court.code,
          createCourtNodeApp(
            validateEnvironment(CourtNodeEnvironment, {
              ...shared,
              COURT_ID: court.code,
              DATABASE_URL: databaseUrl(environment, court.code),
              SIGNING_KEY_SEED_FILE: seedFiles.get(court.code),
              ASSET_REGISTRY_CATEGORIES: DEMO_REGISTRY_CATEGORIES.join(','),
              DEADLINE_POLICY_FILE: environment.DEADLINE_POLICY_FILE,
              // Limits run in minutes here: check them often enough to see them pass.
              DEADLINE_CHECK_INTERVAL_MS: '10000',
            }),
          ),
          environment.DEMO_PORT && environment.DEMO_PORT + 1 + courts.indexOf(court),
        )
          .then(track)
          .then((service) => ({ ...service, court })),
      );
      const [monitor, courtNodes] = await Promise.all([monitorPromise, Promise.all(courtPromises)]);
      await openAccounts(monitor, [DEMO_MONITOR_ACCOUNT], password);
      for (const service of courtNodes) {
        await openAccounts(service, DEMO_COURT_ACCOUNTS, password);
        await seedRegistry(service, service.court);
      }
      return new DemoNetwork(monitor, courtNodes, password, dataDir);
    } catch (error) {
      await Promise.allSettled(started.map((service) => service.app.close()));
      throw error;
    }
  }

  /** Everything the demo stored: its databases, streams and buckets. The keys on disk stay. */
  static forget(environment: DemoEnvironment): Promise<void> {
    return forgetEverything(environment, DEMO_COURTS);
  }

  async stop(): Promise<void> {
    await Promise.allSettled(this.courts.map((court) => court.app.close()));
    await this.monitor.app.close();
  }
}

async function listen(
  name: string,
  created: Promise<INestApplication>,
  port: number,
): Promise<DemoService> {
  const app = await created;
  await app.listen(port, '127.0.0.1').catch(async (error: unknown) => {
    await app.close();
    throw new Error(`${name} cannot listen on port ${port}: ${String(error)}`);
  });
  return { name, url: await app.getUrl(), app };
}

function databaseUrl(environment: DemoEnvironment, service: string): string {
  const url = new URL(environment.DATABASE_URL);
  url.pathname = `/${environment.DEMO_DATABASE_PREFIX}_${service}`;
  return url.toString();
}

/** A random value kept in the data folder, readable by its owner only. */
function keptSecret(dataDir: string, name: string): string {
  const file = join(dataDir, name);
  if (!existsSync(file)) {
    writeFileSync(file, `${randomBytes(24).toString('base64url')}\n`, { mode: 0o600 });
  }
  return readFileSync(file, 'utf8').trim();
}

/**
 * Each court's signing seed, made on first start and kept, and its public key made the court's
 * current key in the network's registry (which `--fresh` empties).
 */
async function registerSigningKeys(
  environment: DemoEnvironment,
  dataDir: string,
  courts: DemoCourt[],
): Promise<Map<string, string>> {
  const connection = await connectToNats(environment);
  try {
    const bucket = await openCourtKeysBucket(
      connection.jetstream(),
      environment.NATS_NAMESPACE,
      environment.NATS_STREAM_REPLICAS,
    );
    const seedFiles = new Map<string, string>();
    for (const court of courts) {
      const seedFile = join(dataDir, 'keys', `${court.code}.seed`);
      if (!existsSync(seedFile)) {
        writeFileSync(seedFile, `${SigningKey.generate().seed}\n`, { mode: 0o600 });
      }
      const { publicKey } = SigningKey.fromSeed(readFileSync(seedFile, 'utf8').trim());
      await changeCourtKeys(bucket, court.code, withCurrentKey(court.code, publicKey));
      seedFiles.set(court.code, seedFile);
    }
    return seedFiles;
  } finally {
    await connection.close();
  }
}

/** `--fresh`: the demo's databases dropped, and its streams and buckets deleted. */
async function forgetEverything(environment: DemoEnvironment, courts: DemoCourt[]): Promise<void> {
  const client = new Client({ connectionString: environment.DATABASE_URL });
  await client.connect();
  try {
    for (const service of ['monitor', ...courts.map((court) => court.code)]) {
      const database = new URL(databaseUrl(environment, service)).pathname.slice(1);
      await client.query(`DROP DATABASE IF EXISTS ${quoteIdentifier(database)} WITH (FORCE)`);
    }
  } finally {
    await client.end();
  }
  const connection = await connectToNats(environment);
  try {
    const manager = await connection.jetstreamManager();
    // Key-value and object-store buckets keep their data in streams named KV_<bucket>, OBJ_<bucket>.
    const ours = new RegExp(`^(?:KV_|OBJ_)?${environment.NATS_NAMESPACE.toUpperCase()}_`);
    const names: string[] = [];
    for await (const stream of manager.streams.list()) {
      if (ours.test(stream.config.name)) names.push(stream.config.name);
    }
    for (const name of names) await manager.streams.delete(name);
  } finally {
    await connection.close();
  }
}

function connectToNats(environment: DemoEnvironment): Promise<NatsConnection> {
  return connect(
    natsConnectionOptions(natsClientSettings(environment), {
      name: 'demo',
      reconnect: false,
      timeout: 5_000,
    }),
  );
}

async function openAccounts(
  service: DemoService,
  accounts: { username: string; role: Role; displayName: string }[],
  password: string,
): Promise<void> {
  const accountsService = service.app.get(AccountsService);
  for (const account of accounts) {
    await accountsService.create({ ...account, password }).catch((error: unknown) => {
      // Opened on an earlier start: the data survives restarts.
      if (!(error instanceof ConflictException)) throw error;
    });
  }
}

/** The court's local registry, filled with its demo debtors' assets on first start. */
async function seedRegistry(service: DemoService, court: DemoCourt): Promise<void> {
  const assets = service.app.get(DataSource).getRepository(RegistryAsset);
  if ((await assets.count()) > 0) return;
  await assets.insert(demoRegistryRecordsOf(court));
}
