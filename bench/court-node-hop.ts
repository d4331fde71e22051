import { EXAMPLE_BODIES } from '@enforcement-link/protocol';
import { Pool } from 'pg';
import { freePort } from '../test/support/free-port';
import { BackgroundService } from '../test/support/service-process';
import { sessionAs, TestSession } from '../test/support/sessions';
import { TestNetwork, waitUntilReady } from '../test/support/test-network';
import { OneRequest } from './measure';

const POLL_INTERVAL_MS = 5;
const CATEGORIES = ['bank-deposit', 'real-estate', 'vehicle'];
const SEARCH = {
  ...EXAMPLE_BODIES['asset-search.requested'],
  categories: CATEGORIES,
  documents: [],
  receivingCourt: 'yulin',
};

/**
 * Two court nodes, each its own process as in production: Xinzhou asks, Yulin's local asset
 * registry answers. One request is an asset search created over Xinzhou's HTTP API; it is done
 * when Xinzhou's record shows the answer (RESULT_REPORTED), and its latency runs from just
 * before the POST to the moment Xinzhou committed the answer.
 */
export class CourtNodeHop {
  private readonly waiting = new Map<string, { startedAt: number; done: (ms: number) => void }>();
  private poller?: NodeJS.Timeout;

  private constructor(
    /** A clerk of Xinzhou, who sends the searches. */
    private readonly clerk: TestSession,
    private readonly xinzhouDatabase: Pool,
    private readonly processes: BackgroundService[],
  ) {}

  static async start(network: TestNetwork, inboxConcurrency: number): Promise<CourtNodeHop> {
    const [xinzhouPort, yulinPort] = [await freePort(), await freePort()];
    const shared = { ...network.sharedEnvironment(), INBOX_CONCURRENCY: String(inboxConcurrency) };
    const xinzhouDatabase = network.databaseUrl('xinzhou');
    const processes = [
      new BackgroundService('court-node', {
        ...shared,
        ...(await network.signingEnvironment('xinzhou')),
        COURT_ID: 'xinzhou',
        PORT: String(xinzhouPort),
        DATABASE_URL: xinzhouDatabase,
      }),
      new BackgroundService('court-node', {
        ...shared,
        ...(await network.signingEnvironment('yulin')),
        COURT_ID: 'yulin',
        PORT: String(yulinPort),
        DATABASE_URL: network.databaseUrl('yulin'),
        ASSET_REGISTRY_CATEGORIES: CATEGORIES.join(','),
        ASSET_REGISTRY_SAMPLE_DATA: 'true',
      }),
    ];
    const xinzhouUrl = `http://127.0.0.1:${xinzhouPort}`;
    await waitUntilReady(xinzhouUrl, 60_000);
    await waitUntilReady(`http://127.0.0.1:${yulinPort}`, 60_000);
    const hop = new CourtNodeHop(
      await sessionAs(xinzhouUrl, xinzhouDatabase, 'clerk'),
      new Pool({ connectionString: xinzhouDatabase, max: 1 }),
      processes,
    );
    hop.poll();
    return hop;
  }

  readonly request: OneRequest = async () => {
    const startedAt = Date.now();
    const response = await this.clerk.fetch('/api/asset-searches', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(SEARCH),
    });
    if (response.status !== 202) throw new Error(`create answered ${response.status}`);
    const { id } = (await response.json()) as { id: string };
    return new Promise<number>((done) => this.waiting.set(id, { startedAt, done }));
  };

  async stop(): Promise<void> {
    clearTimeout(this.poller);
    await this.xinzhouDatabase.end();
    await Promise.all(this.processes.map((process) => process.kill('SIGTERM')));
  }

  private poll(): void {
    this.poller = setTimeout(() => {
      void this.collectAnswered().finally(() => this.poll());
    }, POLL_INTERVAL_MS);
  }

  private async collectAnswered(): Promise<void> {
    if (this.waiting.size === 0) return;
    const { rows } = await this.xinzhouDatabase.query<{ id: string; state_since: Date }>(
      `SELECT id, state_since FROM requests WHERE id = ANY($1) AND state = 'RESULT_REPORTED'`,
      [[...this.waiting.keys()]],
    );
    for (const row of rows) {
      const waiter = this.waiting.get(row.id);
      this.waiting.delete(row.id);
      waiter?.done(row.state_since.getTime() - waiter.startedAt);
    }
  }
}
