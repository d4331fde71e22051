import { DocumentReference, EXAMPLE_BODIES, RequestState } from '@enforcement-link/protocol';
import { CourtApi, RequestResource, SAMPLE_PDF } from './support/court-api';
import { freePort } from './support/free-port';
import { NatsServerProcess } from './support/nats-server';
import { PostgresServerProcess } from './support/postgres-server';
import { BackgroundService } from './support/service-process';
import { RunningApp, TestNetwork, waitUntilReady } from './support/test-network';
import { waitFor } from './support/wait-for';

const REGISTRY = {
  ASSET_REGISTRY_CATEGORIES: 'bank-deposit,real-estate,vehicle',
  ASSET_REGISTRY_SAMPLE_DATA: 'true',
};

async function everyAnswered(
  xinzhou: CourtApi,
  ids: string[],
  timeoutMs: number,
): Promise<RequestResource[]> {
  return waitFor(
    `${ids.length} asset searches to be answered`,
    async () => {
      const requests = await Promise.all(ids.map((id) => xinzhou.get(`/api/asset-searches/${id}`)));
      return requests.every((request) => request.state === RequestState.ResultReported)
        ? requests
        : undefined;
    },
    timeoutMs,
  );
}

function answeredOnce(request: RequestResource): boolean {
  return request.timeline.filter((entry) => entry.type === 'asset-search.answered').length === 1;
}

describe('delivery through crashes and outages', () => {
  let network: TestNetwork;

  beforeEach(() => {
    network = TestNetwork.create();
  });

  afterEach(() => network.cleanup());

  it('answers every request once when the receiving node is killed in a burst and restarted', async () => {
    const xinzhou = new CourtApi(
      await network.startCourtNode(network.courtNodeEnvironment('xinzhou')),
      network.databaseUrl('xinzhou'),
    );
    const yulinPort = await freePort();
    const yulinEnvironment = {
      ...network.sharedEnvironment(),
      ...(await network.signingEnvironment('yulin')),
      ...REGISTRY,
      COURT_ID: 'yulin',
      PORT: String(yulinPort),
      DATABASE_URL: network.databaseUrl('yulin'),
    };
    const yulinUrl = `http://127.0.0.1:${yulinPort}`;
    let yulin = new BackgroundService('court-node', yulinEnvironment);
    try {
      await waitUntilReady(xinzhou.node.url);
      await waitUntilReady(yulinUrl);

      const ids: string[] = [];
      for (let i = 0; i < 60; i++) {
        if (i === 20) await yulin.kill();
        ids.push((await xinzhou.createAssetSearch('yulin')).id);
      }
      yulin = new BackgroundService('court-node', yulinEnvironment);

      const answered = await everyAnswered(xinzhou, ids, 60_000);
      expect(answered.filter(answeredOnce)).toHaveLength(60);

      // Confirmed, every one reaches its final state at both courts, once.
      await Promise.all(ids.map((id) => xinzhou.post(`/api/asset-searches/${id}/confirm`, {})));
      const yulinApi = new CourtApi({ url: yulinUrl } as RunningApp, network.databaseUrl('yulin'));
      await waitFor('Yulin to close every task', async () => {
        const closed = await yulinApi.get<{ total: number }>('/api/tasks?state=CLOSED&limit=1');
        return closed.total === 60 ? true : undefined;
      });
      expect((await yulinApi.get<{ total: number }>('/api/tasks?limit=1')).total).toBe(60);
    } finally {
      await yulin.kill('SIGTERM');
    }
  }, 90_000);

  it('delivers every request created while NATS was down once it returns', async () => {
    const nats = await NatsServerProcess.create(await freePort());
    try {
      await nats.start();
      const [xinzhouNode, yulinNode] = await Promise.all([
        network.startCourtNode(network.courtNodeEnvironment('xinzhou', { NATS_URL: nats.url })),
        network.startCourtNode(
          network.courtNodeEnvironment('yulin', { NATS_URL: nats.url, ...REGISTRY }),
        ),
      ]);
      await Promise.all([waitUntilReady(xinzhouNode.url), waitUntilReady(yulinNode.url)]);
      const xinzhou = new CourtApi(xinzhouNode, network.databaseUrl('xinzhou'));
      const yulin = new CourtApi(yulinNode, network.databaseUrl('yulin'), 'handler');
      await nats.stop();

      // The documents too are uploaded while NATS is down: they wait in Xinzhou's database.
      const body = await xinzhou.withDocuments(EXAMPLE_BODIES['asset-search.requested']);
      const ids: string[] = [];
      for (let i = 0; i < 20; i++) ids.push((await xinzhou.createAssetSearch('yulin')).id);
      await nats.start();

      const answered = await everyAnswered(xinzhou, ids, 60_000);
      expect(answered.filter(answeredOnce)).toHaveLength(20);
      const [listed] = (body as { documents: DocumentReference[] }).documents;
      const download = await yulin.fetch(`/api/documents/${listed.documentId}`);
      expect(download.status).toBe(200);
      expect(Buffer.from(await download.arrayBuffer())).toEqual(SAMPLE_PDF);
      const [{ waiting }] = await network.query<{ waiting: number }>(
        network.databaseUrl('xinzhou'),
        'SELECT count(*)::int AS waiting FROM pending_documents',
      );
      expect(waiting).toBe(0);
    } finally {
      await network.cleanup();
      await nats.destroy();
    }
  }, 90_000);

  it('handles every message that came while its database was down once it is back', async () => {
    // Yulin's node keeps its state in a PostgreSQL of the test's own, which it stops.
    const postgres = await PostgresServerProcess.create(await freePort());
    try {
      await postgres.start();
      const yulinDatabase = new URL(postgres.url);
      yulinDatabase.pathname = `/${network.namespace}_yulin`;
      const [xinzhouNode, yulinNode] = await Promise.all([
        network.startCourtNode(network.courtNodeEnvironment('xinzhou')),
        network.startCourtNode(
          network.courtNodeEnvironment('yulin', {
            ...REGISTRY,
            DATABASE_URL: yulinDatabase.toString(),
            INBOX_RETRY_DELAY_MS: '100',
          }),
        ),
      ]);
      await Promise.all([waitUntilReady(xinzhouNode.url), waitUntilReady(yulinNode.url)]);
      const xinzhou = new CourtApi(xinzhouNode, network.databaseUrl('xinzhou'));
      await postgres.stop('immediate');

      const ids: string[] = [];
      for (let i = 0; i < 10; i++) ids.push((await xinzhou.createAssetSearch('yulin')).id);
      // Delivered meanwhile, each fails to be stored and is tried again later.
      await new Promise((resolve) => setTimeout(resolve, 2_000));
      await postgres.start();

      const answered = await everyAnswered(xinzhou, ids, 60_000);
      expect(answered.filter(answeredOnce)).toHaveLength(10);
      const deadLetters = await new CourtApi(yulinNode, yulinDatabase.toString()).get<unknown[]>(
        '/api/dead-letters',
      );
      expect(deadLetters).toEqual([]);
    } finally {
      await network.cleanup();
      await postgres.destroy();
    }
  }, 90_000);
});
