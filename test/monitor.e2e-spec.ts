import { sessionAs } from './support/sessions';
import { readyWithDatabaseAndNats, TestNetwork, waitUntilReady } from './support/test-network';
import { documentedRoutes, servedRoutes } from './support/openapi-routes';

describe('monitor start-up', () => {
  let network: TestNetwork;

  beforeEach(() => {
    network = TestNetwork.create();
  });

  afterEach(() => network.cleanup());

  it('creates and claims its own database and becomes ready', async () => {
    const environment = network.monitorEnvironment();
    const monitor = await network.startMonitor(environment);

    expect(await waitUntilReady(monitor.url)).toEqual(readyWithDatabaseAndNats());
    expect(await network.databaseOwner(environment.DATABASE_URL)).toBe('monitor');
  });

  it('refuses a court node database', async () => {
    const court = network.courtNodeEnvironment('qingyang');
    await network.stop(await network.startCourtNode(court));

    await expect(
      network.startMonitor(network.monitorEnvironment({ DATABASE_URL: court.DATABASE_URL })),
    ).rejects.toThrow(/belongs to "qingyang", not to "monitor"/);
  });

  it('serves its OpenAPI document at /api/docs', async () => {
    const monitor = await network.startMonitor(network.monitorEnvironment());

    const response = await fetch(`${monitor.url}/api/docs-json`);
    expect(response.status).toBe(200);
    const document = (await response.json()) as { info: { title: string }; paths: object };
    expect(document.info.title).toBe('enforcement-link monitor');
    expect(document.paths).toHaveProperty(['/health/ready']);
    // Every route the monitor serves is in the document, with its method.
    const served = servedRoutes(monitor.app);
    expect(served.length).toBeGreaterThan(10);
    expect(documentedRoutes(document)).toEqual(served);
  });

  it('stops promptly while a page follows its live updates', async () => {
    const environment = network.monitorEnvironment();
    const monitor = await network.startMonitor(environment);
    const session = await sessionAs(monitor.url, environment.DATABASE_URL, 'command-centre-admin');
    const live = await session.fetch('/api/live');
    const reader = (live.body as ReadableStream<Uint8Array>).getReader();
    const started = Date.now();
    await network.stop(monitor);
    expect(Date.now() - started).toBeLessThan(10_000);
    // The page's stream ends (rather than hanging) once the monitor has stopped.
    let done = false;
    while (!done) ({ done } = await reader.read());
  });

  it('answers the same figures from memory for FIGURES_CACHE_SECONDS, the backlog live', async () => {
    const environment = network.monitorEnvironment({ FIGURES_CACHE_SECONDS: '60' });
    const monitor = await network.startMonitor(environment);
    const session = await sessionAs(monitor.url, environment.DATABASE_URL, 'command-centre-admin');
    const read = async (path: string) => (await session.fetch(path)).json() as Promise<unknown[]>;
    expect(await read('/api/figures?by=network')).toEqual([
      expect.objectContaining({ requests: 0 }),
    ]);
    await network.query(
      environment.DATABASE_URL,
      `INSERT INTO monitored_requests (request_id, kind, requesting_court, receiving_court, state,
         is_open, state_since, snapshot_at, opened_at, was_overdue, recovered_fen, transferred_fen,
         confirmed_fen)
       VALUES (gen_random_uuid(), 'asset-search', 'xinzhou', 'yulin', 'DELIVERED', true, now(),
         now(), now(), false, 0, 0, 0)`,
    );
    expect(await read('/api/backlog?by=network')).toEqual([expect.objectContaining({ open: 1 })]);
    expect(await read('/api/figures?by=network')).toEqual([
      expect.objectContaining({ requests: 0 }),
    ]);
    expect(await read('/api/figures?by=court')).toEqual([expect.objectContaining({ requests: 1 })]);
  });
});
