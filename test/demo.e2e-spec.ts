import { DemoEnvironment } from '../apps/demo/src/demo.environment';
import { DemoNetwork } from '../apps/demo/src/demo-network';
import { DemoTraffic } from '../apps/demo/src/traffic/demo-traffic';
import { TrafficLedger } from '../apps/demo/src/traffic/traffic-ledger';
import { ServiceClient } from '@enforcement-link/client';
import { validateEnvironment } from '@enforcement-link/platform';
import { EXAMPLE_BODIES } from '@enforcement-link/protocol';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { randomBytes } from 'node:crypto';
import { DATABASE_SERVER_URL, NATS_URL } from './support/test-network';
import { waitFor } from './support/wait-for';
import { SAMPLE_PDF, withoutDocuments } from './support/court-api';

const COURTS = ['xinzhou', 'yulin', 'baotou'];

/** The demo as `npm run demo` runs it, on three courts, its people forty times faster. */
describe('the demo network', () => {
  const namespace = `t${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
  const dataDir = mkdtempSync(join(tmpdir(), 'enforcement-link-demo-'));
  const environment = validateEnvironment(DemoEnvironment, {
    NATS_URL,
    DATABASE_URL: DATABASE_SERVER_URL,
    DEMO_PORT: '0',
    DEMO_COURTS: COURTS.join(','),
    DEMO_RATE: '240',
    DEMO_SPEED: '40',
    DEMO_DATA_DIR: dataDir,
    DEMO_DATABASE_PREFIX: `${namespace}_demo`,
    NATS_NAMESPACE: namespace,
    LOG_LEVEL: 'silent',
  });
  const silent = { info: () => undefined, warn: (message: string) => warnings.push(message) };
  const warnings: string[] = [];
  let network: DemoNetwork | undefined;
  let traffic: DemoTraffic | undefined;

  afterAll(async () => {
    await traffic?.stop();
    await network?.stop();
    await DemoNetwork.forget(environment);
    rmSync(dataDir, { recursive: true, force: true });
  });

  async function states(): Promise<Map<string, number>> {
    const counts = new Map<string, number>();
    for (const court of COURTS) {
      const url = new URL(DATABASE_SERVER_URL);
      url.pathname = `/${environment.DEMO_DATABASE_PREFIX}_${court}`;
      const client = new Client({ connectionString: url.toString() });
      await client.connect();
      try {
        const { rows } = await client.query<{ key: string; count: number }>(
          `SELECT kind || ' ' || state AS key, count(*)::int AS count FROM requests
            WHERE requesting_court = $1 GROUP BY 1
           UNION ALL
           SELECT 'transfer ' || status, count(*)::int FROM fund_transfers
            WHERE direction = 'in' GROUP BY status
           UNION ALL
           SELECT 'payout', count(*)::int FROM fund_payouts`,
          [court],
        );
        for (const { key, count } of rows) counts.set(key, (counts.get(key) ?? 0) + count);
      } finally {
        await client.end();
      }
    }
    return counts;
  }

  it('starts the courts and the monitor, and its people take requests to every end', async () => {
    network = await DemoNetwork.start(environment, { fresh: true });
    const [xinzhou, yulin] = network.courts;
    const person = await ServiceClient.signIn(xinzhou.url, 'clerk', network.password);
    const ruling = await person.upload<object>(
      '/api/documents?kind=enforcement-ruling&fileName=ruling.pdf',
      SAMPLE_PDF,
      'application/pdf',
    );
    const byHand = await person.post<{ id: string }>('/api/delegations', {
      ...withoutDocuments(EXAMPLE_BODIES['delegation.requested']),
      receivingCourt: 'yulin',
      documents: [ruling],
    });
    traffic = await DemoTraffic.start(
      network.courts,
      network.password,
      {
        rate: environment.DEMO_RATE,
        speed: environment.DEMO_SPEED,
      },
      TrafficLedger.open(join(dataDir, 'traffic-requests.txt')),
      silent,
    );

    const seen = await waitFor(
      'searches and delegations closed, returned and paid out',
      async () => {
        const counts = await states();
        const enough =
          (counts.get('asset-search CLOSED') ?? 0) >= 1 &&
          (counts.get('delegation CLOSED') ?? 0) >= 3 &&
          (counts.get('delegation RETURNED') ?? 0) + (counts.get('asset-search RETURNED') ?? 0) >=
            1 &&
          (counts.get('transfer CONFIRMED') ?? 0) >= 1 &&
          (counts.get('payout') ?? 0) >= 1;
        return enough ? counts : undefined;
      },
      60_000,
    );
    expect(seen.get('delegation CLOSED')).toBeGreaterThanOrEqual(3);

    const monitor = await ServiceClient.signIn(
      network.monitor.url,
      'command-centre',
      network.password,
    );
    const backlog = await monitor.get<{ open: number }[]>('/api/backlog?by=court');
    expect(backlog.some((row) => row.open > 0)).toBe(true);
    expect(warnings).toEqual([]);

    // A request a person sent waits for a person: the simulated handlers leave it alone.
    const handler = await ServiceClient.signIn(yulin.url, 'handler', network.password);
    const task = await handler.get<{ state: string }>(`/api/tasks/${byHand.id}`);
    expect(task.state).toBe('DELIVERED');
  }, 90_000);

  it('keeps its data and accounts across a restart', async () => {
    await traffic?.stop();
    await network?.stop();
    traffic = undefined;
    const before = await states();

    network = await DemoNetwork.start(environment);
    const clerk = await ServiceClient.signIn(network.courts[0].url, 'clerk', network.password);
    const sent = await clerk.get<{ total: number }>('/api/delegations?limit=1');
    expect(sent.total).toBeGreaterThan(0);
    expect((await states()).get('delegation CLOSED')).toBe(before.get('delegation CLOSED'));
  }, 60_000);
});
