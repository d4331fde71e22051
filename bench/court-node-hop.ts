import { Environment } from '@enforcement-link/platform';
import {
  courtConsumerName,
  courtMessagesStreamName,
  EXAMPLE_BODIES,
  monitorEventSubject,
  RequestState,
  RequestUpdatedEvent,
} from '@enforcement-link/protocol';
import { connect, NatsConnection } from 'nats';
import * as http from 'node:http';
import { freePort } from '../test/support/free-port';
import { BackgroundService } from '../test/support/service-process';
import { sessionAs, TestSession } from '../test/support/sessions';
import { TestNetwork, waitUntilReady } from '../test/support/test-network';
import { waitFor } from '../test/support/wait-for';
import { ProcessGroup } from './cpu-count';
import { OneRequest } from './measure';
import { PeakMemory, stopReadingPeakMemory } from './peak-memory';

const READY_TIMEOUT_MS = 60_000;
const CATEGORIES = ['bank-deposit', 'real-estate', 'vehicle'];
const SEARCH = {
  ...EXAMPLE_BODIES['asset-search.requested'],
  categories: CATEGORIES,
  documents: [],
  receivingCourt: 'yulin',
};
const SEARCH_BODY = Buffer.from(JSON.stringify(SEARCH));

/** How many of the backlog's searches Xinzhou's clerk has in progress at once. */
const BACKLOG_CREATED_IN_PARALLEL = 16;
/** Xinzhou's outbox publishes as each creation commits: the last ones arrive soon after. */
const BACKLOG_ARRIVAL_TIMEOUT_MS = 60_000;
/**
 * The slowest drain worth waiting for, after a start-up's time: anything slower fails the run
 * rather than hang it.
 */
const SLOWEST_DRAIN_MESSAGES_PER_SECOND = 10;

/** The node processes, under the names the results table gives their peak memory. */
const XINZHOU = 'court node xinzhou';
const YULIN = 'court node yulin';
const YULIN_RESTARTED = 'court node yulin, restarted to drain the backlog';

export interface DrainResult {
  /** The searches of the backlog, each a message to Yulin. */
  messages: number;
  seconds: number;
  messagesPerSecond: number;
}

/**
 * Two court nodes, each its own process as in production: Xinzhou asks, Yulin's local asset
 * registry answers. One request is an asset search created over Xinzhou's HTTP API; it is done
 * when Xinzhou's record shows the answer (RESULT_REPORTED), and its latency runs from just
 * before the POST to the moment Xinzhou committed the answer.
 */
export class CourtNodeHop {
  private readonly waiting = new Map<string, { startedAt: number; done: (ms: number) => void }>();
  /** The peak memory of each node process, read as it stops. */
  readonly peakMemory: PeakMemory[] = [];
  /**
   * Xinzhou's clerk posts over kept-alive `node:http` connections rather than `fetch`, which
   * took about twice the CPU per request: the load generator shares the machine's cores with
   * the nodes it measures.
   */
  private readonly agent = new http.Agent({ keepAlive: true });

  private constructor(
    private readonly network: TestNetwork,
    /** A clerk of Xinzhou, who sends the searches. */
    private readonly clerk: TestSession,
    private readonly xinzhouUrl: string,
    /** Where Xinzhou's `request.updated` events arrive, as the monitor would read them. */
    private readonly events: NatsConnection,
    private readonly nodes: Map<string, BackgroundService>,
    /** Kept so that Yulin's node can be started again exactly as it was. */
    private readonly yulinEnvironment: Environment,
  ) {}

  static async start(network: TestNetwork, inboxConcurrency: number): Promise<CourtNodeHop> {
    const [xinzhouPort, yulinPort] = [await freePort(), await freePort()];
    const shared = { ...network.sharedEnvironment(), INBOX_CONCURRENCY: String(inboxConcurrency) };
    const xinzhouDatabase = network.databaseUrl('xinzhou');
    const xinzhouEnvironment = {
      ...shared,
      ...(await network.signingEnvironment('xinzhou')),
      COURT_ID: 'xinzhou',
      PORT: String(xinzhouPort),
      DATABASE_URL: xinzhouDatabase,
    };
    const yulinEnvironment = {
      ...shared,
      ...(await network.signingEnvironment('yulin')),
      COURT_ID: 'yulin',
      PORT: String(yulinPort),
      DATABASE_URL: network.databaseUrl('yulin'),
      ASSET_REGISTRY_CATEGORIES: CATEGORIES.join(','),
      ASSET_REGISTRY_SAMPLE_DATA: 'true',
    };
    const nodes = new Map([
      [XINZHOU, new BackgroundService('court-node', xinzhouEnvironment)],
      [YULIN, new BackgroundService('court-node', yulinEnvironment)],
    ]);
    const xinzhouUrl = urlOf(xinzhouEnvironment);
    await waitUntilReady(xinzhouUrl, READY_TIMEOUT_MS);
    await waitUntilReady(urlOf(yulinEnvironment), READY_TIMEOUT_MS);
    const hop = new CourtNodeHop(
      network,
      await sessionAs(xinzhouUrl, xinzhouDatabase, 'clerk'),
      xinzhouUrl,
      await connect({ servers: network.natsUrl.split(',') }),
      nodes,
      yulinEnvironment,
    );
    hop.collectAnswered(network.namespace);
    return hop;
  }

  readonly request: OneRequest = async () => {
    const startedAt = Date.now();
    const id = await this.createSearch();
    return new Promise<number>((done) => this.waiting.set(id, { startedAt, done }));
  };

  /**
   * How fast Yulin catches up after being offline: its node is stopped, `backlog` searches are
   * created at Xinzhou and wait in Yulin's durable consumer, then its node is started again.
   * The time runs from the moment it is ready until its consumer has nothing left to deliver
   * or awaiting acknowledgement, which includes the receipts Xinzhou has sent by then for
   * Yulin's answers; the rate counts the searches.
   */
  async drain(backlog: number): Promise<DrainResult> {
    await this.stopNode(YULIN);
    await this.createBacklog(backlog);
    return this.network.withJetStreamManager(async (manager) => {
      const yulinConsumer = () =>
        manager.consumers.info(
          courtMessagesStreamName(this.network.namespace),
          courtConsumerName('yulin'),
        );
      await waitFor(
        `Yulin's consumer to hold the backlog of ${backlog}`,
        async () => ((await yulinConsumer()).num_pending >= backlog ? true : undefined),
        BACKLOG_ARRIVAL_TIMEOUT_MS,
      );
      this.nodes.set(YULIN_RESTARTED, new BackgroundService('court-node', this.yulinEnvironment));
      await waitUntilReady(urlOf(this.yulinEnvironment), READY_TIMEOUT_MS);
      const ready = Date.now();
      await waitFor(
        `Yulin to drain the backlog of ${backlog}`,
        async () => {
          const { num_pending, num_ack_pending } = await yulinConsumer();
          return num_pending + num_ack_pending === 0 ? true : undefined;
        },
        READY_TIMEOUT_MS + (1000 * backlog) / SLOWEST_DRAIN_MESSAGES_PER_SECOND,
      );
      const seconds = (Date.now() - ready) / 1000;
      return { messages: backlog, seconds, messagesPerSecond: backlog / seconds };
    });
  }

  /** Each node's process, under the name the results table gives its figures. */
  nodeProcesses(): ProcessGroup[] {
    return [...this.nodes].map(([name, node]) => ({
      name,
      pids: () => (node.pid === undefined ? [] : [node.pid]),
    }));
  }

  async stop(): Promise<void> {
    this.agent.destroy();
    await this.events.close();
    await Promise.all([...this.nodes.keys()].map((name) => this.stopNode(name)));
    // Xinzhou first, then Yulin before and after its restart, whichever stopped first.
    this.peakMemory.sort((a, b) => a.name.localeCompare(b.name));
  }

  private async stopNode(name: string): Promise<void> {
    const node = this.nodes.get(name);
    if (!node) return;
    this.nodes.delete(name);
    this.peakMemory.push(await stopReadingPeakMemory(name, node));
  }

  /** Creates an asset search at Xinzhou and answers its id (delivery is asynchronous). */
  private createSearch(): Promise<string> {
    return new Promise((resolve, reject) => {
      const request = http.request(
        `${this.xinzhouUrl}/api/asset-searches`,
        {
          method: 'POST',
          agent: this.agent,
          headers: {
            'content-type': 'application/json',
            'content-length': SEARCH_BODY.length,
            authorization: `Bearer ${this.clerk.token}`,
          },
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () => {
            const body = Buffer.concat(chunks).toString();
            if (response.statusCode === 202) resolve((JSON.parse(body) as { id: string }).id);
            else reject(new Error(`create answered ${response.statusCode}: ${body}`));
          });
        },
      );
      request.on('error', reject);
      request.end(SEARCH_BODY);
    });
  }

  private async createBacklog(backlog: number): Promise<void> {
    let started = 0;
    const clerkAtWork = async () => {
      while (started < backlog) {
        started++;
        await this.createSearch();
      }
    };
    await Promise.all(Array.from({ length: BACKLOG_CREATED_IN_PARALLEL }, clerkAtWork));
  }

  /**
   * Xinzhou publishes a `request.updated` event in the transaction that records the answer:
   * the benchmark learns of it the way the monitor does, without asking Xinzhou's database, so
   * that watching takes nothing from the PostgreSQL the nodes share.
   */
  private collectAnswered(namespace: string): void {
    const subscription = this.events.subscribe(
      monitorEventSubject(namespace, 'xinzhou', 'request.updated'),
    );
    void (async () => {
      for await (const message of subscription) {
        const event = message.json<RequestUpdatedEvent>();
        const waiter =
          event.state === RequestState.ResultReported && this.waiting.get(event.requestId);
        if (!waiter) continue;
        this.waiting.delete(event.requestId);
        waiter.done(Date.parse(event.stateSince) - waiter.startedAt);
      }
    })();
  }
}

function urlOf(environment: Environment): string {
  return `http://127.0.0.1:${environment.PORT}`;
}
