import { courtMessagesStreamName } from '@enforcement-link/protocol';
import { RetentionPolicy } from 'nats';
import { freePort } from './support/free-port';
import { documentedRoutes, servedRoutes } from './support/openapi-routes';
import { NatsServerProcess } from './support/nats-server';
import {
  readiness,
  readyWithDatabaseAndNats,
  TestNetwork,
  waitUntilReady,
} from './support/test-network';
import { waitFor } from './support/wait-for';

describe('court node start-up', () => {
  let network: TestNetwork;

  beforeEach(() => {
    network = TestNetwork.create();
  });

  afterEach(() => network.cleanup());

  it('creates its own database, claims it for its court and becomes ready', async () => {
    const environment = network.courtNodeEnvironment('xinzhou');
    const node = await network.startCourtNode(environment);

    const live = await fetch(`${node.url}/health/live`);
    expect(live.status).toBe(200);
    expect(await live.json()).toEqual({ status: 'ok' });

    expect(await waitUntilReady(node.url)).toEqual(readyWithDatabaseAndNats());
    expect(await network.databaseOwner(environment.DATABASE_URL)).toBe('xinzhou');
  });

  it('provisions the court-messages stream under its namespace with work-queue retention', async () => {
    const node = await network.startCourtNode(network.courtNodeEnvironment('yulin'));
    await waitUntilReady(node.url);

    const stream = await network.withJetStreamManager((manager) =>
      manager.streams.info(courtMessagesStreamName(network.namespace)),
    );
    expect(stream.config.subjects).toEqual([`${network.namespace}.v1.>`]);
    expect(stream.config.retention).toBe(RetentionPolicy.Workqueue);
  });

  it('starts again on the database it created, without migrating twice', async () => {
    const environment = network.courtNodeEnvironment('xinzhou');
    await network.stop(await network.startCourtNode(environment));

    const restarted = await network.startCourtNode(environment);
    await waitUntilReady(restarted.url);
  });

  it('refuses to start on a database that another court owns', async () => {
    const xinzhou = network.courtNodeEnvironment('xinzhou');
    await network.stop(await network.startCourtNode(xinzhou));

    const intruder = network.courtNodeEnvironment('yulin', { DATABASE_URL: xinzhou.DATABASE_URL });
    await expect(network.startCourtNode(intruder)).rejects.toThrow(
      /belongs to "xinzhou", not to "yulin"/,
    );
  });

  it('serves its OpenAPI document at /api/docs', async () => {
    const node = await network.startCourtNode(network.courtNodeEnvironment('ordos'));

    const json = await fetch(`${node.url}/api/docs-json`);
    expect(json.status).toBe(200);
    const document = (await json.json()) as {
      openapi: string;
      info: { title: string };
      paths: object;
      components: { schemas: Record<string, { properties?: object }> };
    };
    expect(document.openapi).toMatch(/^3\./);
    expect(document.info.title).toContain('ordos');
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining([
        '/health/live',
        '/health/ready',
        '/api/asset-searches',
        '/api/delegations/{id}/confirm',
        '/api/tasks/{id}/accept',
        '/api/tasks/{id}/forward',
        '/api/dead-letters/{id}/replay',
        '/api/courts',
      ]),
    );
    // Request bodies are the protocol's classes: their validation rules are their schemas.
    const schemas = document.components.schemas;
    expect(Object.keys(schemas.CreateDelegationDto.properties ?? {})).toEqual(
      expect.arrayContaining(['receivingCourt', 'caseNumber', 'party', 'documents']),
    );
    const empty = Object.keys(schemas).filter((name) => !schemas[name].properties);
    expect(empty).toEqual([]);

    const page = await fetch(`${node.url}/api/docs`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('swagger');

    // Every route the node serves is in the document, with its method; the rest is the
    // document itself and the workbench's pages.
    const served = servedRoutes(node.app);
    expect(served.length).toBeGreaterThan(50);
    expect(documentedRoutes(document)).toEqual(served);
  });

  describe('with a NATS server the test controls', () => {
    let nats: NatsServerProcess;

    beforeEach(async () => {
      nats = await NatsServerProcess.create(await freePort());
    });

    afterEach(() => nats.destroy());

    it('starts while NATS is down, reports it not ready, and becomes ready once NATS is up', async () => {
      const node = await network.startCourtNode(
        network.courtNodeEnvironment('wuhai', { NATS_URL: nats.url }),
      );

      const down = await readiness(node.url);
      expect(down.httpStatus).toBe(503);
      expect(down.report.status).toBe('unavailable');
      expect(down.report.checks.database).toEqual({ status: 'up' });
      expect(down.report.checks.nats.status).toBe('down');
      expect(down.report.checks.nats.detail).toContain(nats.url);

      await nats.start();
      await waitUntilReady(node.url);
    });

    it('reports NATS down while the server is away and recovers when it returns', async () => {
      await nats.start();
      const node = await network.startCourtNode(
        network.courtNodeEnvironment('baotou', { NATS_URL: nats.url }),
      );
      await waitUntilReady(node.url);

      await nats.stop();
      await waitFor('NATS to be reported down', async () => {
        const { httpStatus, report } = await readiness(node.url);
        return httpStatus === 503 && report.checks.nats.status === 'down' ? true : undefined;
      });

      await nats.start();
      await waitUntilReady(node.url);
    });
  });
});
