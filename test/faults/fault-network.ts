import {
  courtConsumerName,
  courtMessagesStreamName,
  RequestState,
} from '@enforcement-link/protocol';
import { Environment } from '@enforcement-link/platform';
import { CourtApi } from '../support/court-api';
import { freePort } from '../support/free-port';
import { NatsClusterProcess } from '../support/nats-cluster';
import { NatsServerProcess } from '../support/nats-server';
import { PostgresServerProcess } from '../support/postgres-server';
import { BackgroundService } from '../support/service-process';
import { RunningApp, TestNetwork, waitUntilReady } from '../support/test-network';
import { FINAL_STATE, TrackedRequest } from './mixed-traffic';

/** Three courts of three provinces, each asking the others and answering them. */
export const FAULT_COURTS = ['xinzhou', 'yulin', 'baotou'];

const REGISTRY = {
  ASSET_REGISTRY_CATEGORIES: 'bank-deposit,real-estate,vehicle',
  ASSET_REGISTRY_SAMPLE_DATA: 'true',
};
const START_TIMEOUT_MS = 90_000;
const COUNT_UNPUBLISHED =
  'SELECT count(*) AS unpublished FROM outbox_messages WHERE published_at IS NULL';

interface NodeProcess {
  environment: Environment & { DATABASE_URL: string };
  url: string;
  process?: BackgroundService;
}

/** What a run left behind, compared request by request with what the people did. */
export interface Verification {
  /** Case numbers of requests not (yet) in their final state at both courts and the monitor. */
  unfinished: string[];
  /** Requests with an effect twice: a message handled twice, money recorded twice, a request no one sent. */
  duplicated: string[];
  /** Messages JetStream still holds for a court, delivered and unacknowledged or not delivered yet. */
  unacknowledged: number;
  /** Messages still waiting in an outbox. */
  unpublished: number;
  deadLetters: number;
  rejected: number;
}

export function isSettled(verification: Verification): boolean {
  return (
    verification.unfinished.length === 0 &&
    verification.unacknowledged === 0 &&
    verification.unpublished === 0
  );
}

/**
 * The network of a fault test: a PostgreSQL server and NATS (one server, or a three-server
 * cluster with replicated streams) of its own, three court nodes and the monitor, each a process
 * of its own as in production, so each can be killed and started again.
 */
export class FaultNetwork {
  readonly courts: Record<string, CourtApi> = {};
  private readonly nodes = new Map<string, NodeProcess>();
  private monitor?: BackgroundService;

  private constructor(
    readonly postgres: PostgresServerProcess,
    readonly nats: NatsServerProcess | NatsClusterProcess,
    readonly network: TestNetwork,
  ) {}

  static async start({ cluster = false } = {}): Promise<FaultNetwork> {
    const postgres = await PostgresServerProcess.create(await freePort());
    await postgres.start();
    const nats = cluster
      ? await NatsClusterProcess.create()
      : await NatsServerProcess.create(await freePort());
    if (nats instanceof NatsClusterProcess) await nats.startAll();
    else await nats.start();
    const network = TestNetwork.create({ natsUrl: nats.url, databaseServerUrl: postgres.url });
    const faults = new FaultNetwork(postgres, nats, network);
    try {
      const replicas = cluster ? '3' : '1';
      for (const court of FAULT_COURTS) {
        const port = await freePort();
        const environment = {
          ...network.sharedEnvironment(),
          ...(await network.signingEnvironment(court, nats.url, Number(replicas))),
          ...REGISTRY,
          COURT_ID: court,
          PORT: String(port),
          DATABASE_URL: network.databaseUrl(court),
          NATS_STREAM_REPLICAS: replicas,
        };
        const url = `http://127.0.0.1:${port}`;
        faults.nodes.set(court, { environment, url });
        faults.courts[court] = new CourtApi({ url } as RunningApp, environment.DATABASE_URL);
      }
      const monitorPort = await freePort();
      faults.monitor = new BackgroundService('monitor', {
        ...network.sharedEnvironment(),
        DATABASE_URL: network.databaseUrl('monitor'),
        PORT: String(monitorPort),
        NATS_STREAM_REPLICAS: replicas,
      });
      await Promise.all(FAULT_COURTS.map((court) => faults.startCourt(court)));
      await waitUntilReady(`http://127.0.0.1:${monitorPort}`, START_TIMEOUT_MS);
    } catch (error) {
      await faults.destroy();
      throw error;
    }
    return faults;
  }

  async startCourt(court: string): Promise<void> {
    const node = this.node(court);
    node.process = new BackgroundService('court-node', node.environment);
    await waitUntilReady(node.url, START_TIMEOUT_MS);
  }

  /** Ends a court node's process: at once, as a crash would, unless told otherwise. */
  async stopCourt(court: string, signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    const node = this.node(court);
    await node.process?.kill(signal);
    node.process = undefined;
  }

  /** Compares every request the people made with what the courts, the monitor and NATS hold. */
  async verify(requests: TrackedRequest[]): Promise<Verification> {
    const final = new Map<string, number>();
    const duplicated = new Set<string>();
    const known = new Set(requests.map((request) => request.id));
    let unpublished = 0;
    let deadLetters = 0;
    let rejected = 0;
    const countFinal = (id: string) => final.set(id, (final.get(id) ?? 0) + 1);
    const withFunds = new Set(
      requests.filter((request) => request.plan === 'delegation-with-funds').map((r) => r.id),
    );

    for (const court of FAULT_COURTS) {
      const database = this.node(court).environment.DATABASE_URL;
      const query = <T>(sql: string) => this.network.query<T>(database, sql);
      const rows = await query<{ id: string; state: RequestState; money_confirmed: boolean }>(
        `SELECT id, state, EXISTS (SELECT 1 FROM fund_transfers t
                                   WHERE t.request_id = requests.id AND t.status = 'CONFIRMED')
                  AS money_confirmed
           FROM requests`,
      );
      for (const row of rows) {
        if (!known.has(row.id)) duplicated.add(row.id);
        else if (row.state === FINAL_STATE && (row.money_confirmed || !withFunds.has(row.id))) {
          countFinal(row.id);
        }
      }
      const twice = await query<{ request_id: string }>(
        `SELECT request_id FROM request_messages WHERE type <> 'message.delivered'
           GROUP BY request_id, direction, type HAVING count(*) > 1
         UNION SELECT request_id FROM fund_transfers GROUP BY request_id, direction HAVING count(*) > 1
         UNION SELECT request_id FROM fund_recoveries GROUP BY request_id HAVING count(*) > 1`,
      );
      for (const row of twice) duplicated.add(row.request_id);
      const [counts] = await query<{ unpublished: string; dead: string; rejected: string }>(
        `SELECT (${COUNT_UNPUBLISHED}) AS unpublished,
                (SELECT count(*) FROM dead_letters) AS dead,
                (SELECT count(*) FROM inbox_messages WHERE outcome = 'rejected') AS rejected`,
      );
      unpublished += Number(counts.unpublished);
      deadLetters += Number(counts.dead);
      rejected += Number(counts.rejected);
    }
    for (const row of await this.network.query<{ request_id: string; state: RequestState }>(
      this.network.databaseUrl('monitor'),
      'SELECT request_id, state FROM monitored_requests',
    )) {
      if (!known.has(row.request_id)) duplicated.add(row.request_id);
      else if (row.state === FINAL_STATE) countFinal(row.request_id);
    }
    // Final at the requesting court, the receiving court and the monitor.
    const unfinished = requests
      .filter((request) => !request.id || final.get(request.id) !== 3)
      .map((request) => request.caseNumber);
    return {
      unfinished,
      duplicated: [...duplicated],
      unacknowledged: await this.unacknowledged(),
      unpublished,
      deadLetters,
      rejected,
    };
  }

  /** What waits: messages JetStream holds for the courts, and messages not yet sent. */
  async backlog(): Promise<{ waitingMessages: number; unpublished: number }> {
    let unpublished = 0;
    for (const court of FAULT_COURTS) {
      const [row] = await this.network.query<{ unpublished: string }>(
        this.node(court).environment.DATABASE_URL,
        COUNT_UNPUBLISHED,
      );
      unpublished += Number(row.unpublished);
    }
    return { waitingMessages: await this.unacknowledged(), unpublished };
  }

  /** Every service process running now, by name: each court node and the monitor. */
  processes(): { name: string; pid: number }[] {
    const running = [
      ...FAULT_COURTS.map((court) => ({ name: court, pid: this.node(court).process?.pid })),
      { name: 'monitor', pid: this.monitor?.pid },
    ];
    return running.filter(
      (entry): entry is { name: string; pid: number } => entry.pid !== undefined,
    );
  }

  async destroy(): Promise<void> {
    await Promise.all([...this.nodes.keys()].map((court) => this.stopCourt(court, 'SIGTERM')));
    await this.monitor?.kill('SIGTERM');
    await this.network.cleanup().catch(() => undefined);
    await this.nats.destroy();
    await this.postgres.destroy();
  }

  /** Messages JetStream holds for `court`: not delivered yet, or delivered and not acknowledged. */
  messagesWaitingFor(court: string): Promise<number> {
    return this.network.withJetStreamManager(async (manager) => {
      const info = await manager.consumers.info(
        courtMessagesStreamName(this.network.namespace),
        courtConsumerName(court),
      );
      return info.num_pending + info.num_ack_pending;
    });
  }

  private async unacknowledged(): Promise<number> {
    let waiting = 0;
    for (const court of FAULT_COURTS) waiting += await this.messagesWaitingFor(court);
    return waiting;
  }

  private node(court: string): NodeProcess {
    const node = this.nodes.get(court);
    if (!node) throw new Error(`${court} is not a court of this network`);
    return node;
  }
}
