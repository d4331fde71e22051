import {
  courtConsumerName,
  courtInboxPrefix,
  courtKeysBucket,
  courtMessagesStreamName,
  EXAMPLE_BODIES,
  heartbeatSubject,
  monitorEventSubject,
  monitorEventsStreamName,
  monitorInboxPrefix,
  newMessageId,
  RequestState,
  subjectFor,
} from '@enforcement-link/protocol';
import { readUserSeed } from '@enforcement-link/platform';
import { AckPolicy, connect, headers, NatsConnection, nkeyAuthenticator } from 'nats';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CourtApi, startCourts } from './support/court-api';
import { freePort } from './support/free-port';
import { monitorCaughtUp } from './support/monitored-network';
import { NatsServerProcess } from './support/nats-server';
import { runCli } from './support/service-process';
import { sessionAs, TestSession } from './support/sessions';
import { readiness, TestNetwork, waitUntilReady } from './support/test-network';
import { waitFor } from './support/wait-for';

/**
 * A network run the way the operations guide says: identities from `enforcement-link nats`,
 * a nats-server that enforces the generated authorization, streams and consumers provisioned by
 * the admin, and services that may not create them. Court A is Xinzhou, B Yulin, C Wuhai.
 */
describe('NATS identities and permissions', () => {
  let network: TestNetwork;
  let nats: NatsServerProcess;
  let keys: string;
  let registry: string;
  const connections: NatsConnection[] = [];

  const seedFile = (who: string) => join(keys, `${who}.nk`);

  async function cli(...args: string[]): Promise<string> {
    const outcome = await runCli([...args, '--registry', registry], {
      NATS_URL: nats.url,
      NATS_NKEY_SEED_FILE: seedFile('admin'),
    });
    if (outcome.exitCode !== 0) {
      throw new Error(`nats ${args.join(' ')} failed: ${outcome.stderr}`);
    }
    return outcome.stdout;
  }

  async function authorization(): Promise<string> {
    await cli('nats', 'config', '--out', join(keys, 'authorization.conf'));
    return readFile(join(keys, 'authorization.conf'), 'utf8');
  }

  /** A raw client connected as `who`, replying to `inboxPrefix`. */
  async function connectAs(who: string, inboxPrefix: string): Promise<NatsConnection> {
    const connection = await connect({
      servers: nats.url,
      authenticator: nkeyAuthenticator(readUserSeed(seedFile(who))),
      inboxPrefix,
    });
    connections.push(connection);
    return connection;
  }

  beforeAll(async () => {
    network = TestNetwork.create();
    keys = await mkdtemp(join(tmpdir(), 'enforcement-link-keys-'));
    registry = join(keys, 'network.json');
    nats = await NatsServerProcess.create(await freePort());
    // The commands that only touch files run before the server exists.
    await cli('nats', 'init', '--keys', keys, '--namespace', network.namespace);
    for (const court of ['xinzhou', 'yulin', 'wuhai']) {
      await cli('nats', 'add-court', court, '--seed-file', seedFile(court));
    }
    await nats.configure(await authorization());
    await nats.start();
    expect(await cli('nats', 'provision')).toContain(
      `ready: consumer court-wuhai on ${courtMessagesStreamName(network.namespace)}`,
    );
  }, 120_000);

  afterAll(async () => {
    await Promise.all(connections.map((connection) => connection.close()));
    await network?.cleanup();
    await nats?.destroy();
    await rm(keys, { recursive: true, force: true });
  });

  describe('a court', () => {
    let xinzhou: NatsConnection;
    const ns = () => network.namespace;
    const stream = () => courtMessagesStreamName(ns());

    beforeAll(async () => {
      xinzhou = await connectAs('xinzhou', courtInboxPrefix(network.namespace, 'xinzhou'));
    });

    it('publishes messages as itself, and cannot publish as another court', async () => {
      const asItself = subjectFor({
        namespace: ns(),
        to: 'yulin',
        from: 'xinzhou',
        type: 'delegation.requested',
      });
      await expect(xinzhou.jetstream().publish(asItself, '{}')).resolves.toMatchObject({
        stream: stream(),
      });
      const asWuhai = subjectFor({
        namespace: ns(),
        to: 'yulin',
        from: 'wuhai',
        type: 'delegation.requested',
      });
      await expectRefused(xinzhou.jetstream().publish(asWuhai, '{}'), asWuhai);
      const wuhaiEvent = monitorEventSubject(ns(), 'wuhai', 'request.updated');
      await expectRefused(xinzhou.jetstream().publish(wuhaiEvent, '{}'), wuhaiEvent);
      await expectRefused(
        xinzhou.request(heartbeatSubject(ns(), 'wuhai'), '{}'),
        heartbeatSubject(ns(), 'wuhai'),
      );
    });

    it('cannot register, rotate or revoke a signing key, its own included', async () => {
      for (const court of ['xinzhou', 'wuhai']) {
        const entry = `$KV.${courtKeysBucket(ns())}.${court}`;
        await expectRefused(xinzhou.request(entry, '[]'), entry);
      }
    });

    it('cannot subscribe to the messages of another court, nor to its inbox', async () => {
      for (const subject of [
        `${ns()}.v1.wuhai.>`,
        `${ns()}.v1.>`,
        `${courtInboxPrefix(ns(), 'wuhai')}.>`,
        '_INBOX.>',
        '>',
      ]) {
        await expectSubscriptionRefused(xinzhou, subject);
      }
    });

    it('cannot pull from another court’s consumer, nor fetch its messages from the stream', async () => {
      await sendAs('yulin', 'wuhai');
      const manager = await xinzhou.jetstreamManager();
      await expectRefused(xinzhou.jetstream().consumers.get(stream(), 'court-wuhai'));
      const pull = `$JS.API.CONSUMER.MSG.NEXT.${stream()}.court-wuhai`;
      await expectRefused(xinzhou.request(pull, JSON.stringify({ batch: 1 })), pull);
      await expectRefused(manager.streams.getMessage(stream(), { seq: 1 }));
      const directGet = `$JS.API.DIRECT.GET.${stream()}`;
      await expectRefused(
        xinzhou.request(directGet, JSON.stringify({ last_by_subj: `${ns()}.v1.wuhai.>` })),
        directGet,
      );
    });

    it('cannot create, change or delete a stream or any consumer', async () => {
      const manager = await xinzhou.jetstreamManager();
      const events = monitorEventsStreamName(ns());
      await expectRefused(manager.streams.add({ name: 'SPY', subjects: [`${ns()}.v1.>`] }));
      await expectRefused(manager.streams.update(stream(), { max_msgs: 1 }));
      await expectRefused(manager.streams.purge(stream()));
      await expectRefused(manager.streams.delete(events));
      for (const config of [
        { durable_name: 'spy', filter_subject: `${ns()}.v1.wuhai.>` },
        { name: 'spy', filter_subject: `${ns()}.v1.wuhai.>` },
        { filter_subject: `${ns()}.v1.wuhai.>` },
      ]) {
        await expectRefused(
          manager.consumers.add(stream(), { ...config, ack_policy: AckPolicy.Explicit }),
        );
      }
      await expectRefused(manager.consumers.add(events, { ack_policy: AckPolicy.None }));
      await expectRefused(manager.consumers.delete(stream(), courtConsumerName('wuhai')));
      await expectRefused(manager.consumers.delete(stream(), courtConsumerName('xinzhou')));
      await expectRefused(manager.consumers.update(stream(), courtConsumerName('xinzhou'), {}));
    });

    it('reads its own messages through its own consumer', async () => {
      await sendAs('yulin', 'xinzhou');
      const consumer = await xinzhou.jetstream().consumers.get(stream(), 'court-xinzhou');
      const message = await consumer.next({ expires: 5_000 });
      expect(message?.subject).toMatch(new RegExp(`^${ns()}\\.v1\\.xinzhou\\.yulin\\.`));
      message?.ack();
    });
  });

  describe('the monitor', () => {
    it('reads the events, and cannot publish a court message or an event', async () => {
      const monitor = await connectAs('monitor', monitorInboxPrefix(network.namespace));
      const message = subjectFor({
        namespace: network.namespace,
        to: 'yulin',
        from: 'xinzhou',
        type: 'delegation.requested',
      });
      await expectRefused(monitor.jetstream().publish(message, '{}'), message);
      const event = monitorEventSubject(network.namespace, 'xinzhou', 'request.updated');
      await expectRefused(monitor.jetstream().publish(event, '{}'), event);
      await expectSubscriptionRefused(monitor, `${network.namespace}.v1.>`);

      const xinzhou = await connectAs('xinzhou', courtInboxPrefix(network.namespace, 'xinzhou'));
      await xinzhou.jetstream().publish(event, '{"read":"by the monitor"}');
      const events = await monitor
        .jetstream()
        .consumers.get(monitorEventsStreamName(network.namespace));
      const read = await events.next({ expires: 5_000 });
      expect(read?.string()).toBe('{"read":"by the monitor"}');
    });
  });

  describe('services under these permissions', () => {
    let courts: { xinzhou: CourtApi; yulin: CourtApi };
    let monitor: TestSession;

    const identity = (who: string) => ({
      NATS_URL: nats.url,
      NATS_NKEY_SEED_FILE: seedFile(who),
      NATS_PROVISIONING: 'admin',
    });

    beforeAll(async () => {
      // Only the admin identity may write the court key registry: register as an administrator would.
      for (const court of ['xinzhou', 'yulin']) {
        const { publicKey } = network.keys.keyOf(court);
        const registered = await runCli(
          ['keys', 'register', '--court', court, '--public-key', publicKey],
          {
            NATS_URL: nats.url,
            NATS_NKEY_SEED_FILE: seedFile('admin'),
            NATS_NAMESPACE: network.namespace,
          },
        );
        expect(registered.stderr).toBe('');
      }
      const monitorEnvironment = network.monitorEnvironment({
        ...identity('monitor'),
        FIGURES_CACHE_SECONDS: '0',
      });
      const { url } = await network.startMonitor(monitorEnvironment);
      courts = await startCourts(network, {
        xinzhou: identity('xinzhou'),
        yulin: {
          ...identity('yulin'),
          ASSET_REGISTRY_CATEGORIES: 'bank-deposit,real-estate,vehicle',
          ASSET_REGISTRY_SAMPLE_DATA: 'true',
        },
      });
      await waitUntilReady(url);
      monitor = await sessionAs(url, monitorEnvironment.DATABASE_URL, 'command-centre-admin');
    }, 60_000);

    it('complete a delegation with documents and an asset search, and the monitor sees them', async () => {
      const { xinzhou, yulin } = courts;
      const delegation = await xinzhou.createDelegation('yulin');
      await yulin.waitForState(`/api/tasks/${delegation.id}`, RequestState.Delivered);
      await yulin.post(`/api/tasks/${delegation.id}/accept`, EXAMPLE_BODIES['request.accepted']);
      await xinzhou.waitForState(`/api/delegations/${delegation.id}`, RequestState.Accepted);

      const search = await xinzhou.createAssetSearch('yulin');
      await xinzhou.waitForState(`/api/asset-searches/${search.id}`, RequestState.ResultReported);

      await monitorCaughtUp(monitor);
      for (const [id, state] of [
        [delegation.id, RequestState.Accepted],
        [search.id, RequestState.ResultReported],
      ]) {
        const seen = await monitor.fetch(`/api/requests/${id}`);
        expect(seen.status).toBe(200);
        expect(await seen.json()).toMatchObject({ request: { state } });
      }
    });

    it('a court added later reports its missing consumer until the admin provisions it', async () => {
      await cli('nats', 'add-court', 'baotou', '--seed-file', seedFile('baotou'));
      await nats.configure(await authorization());
      const baotou = await network.startCourtNode(
        network.courtNodeEnvironment('baotou', identity('baotou')),
      );
      const missing = await waitFor('baotou to report its missing consumer', async () => {
        const { httpStatus, report } = await readiness(baotou.url);
        return httpStatus === 503 && report.checks.nats?.detail?.includes('missing')
          ? report.checks.nats.detail
          : undefined;
      });
      expect(missing).toBe(
        `consumer court-baotou on ${courtMessagesStreamName(network.namespace)} is missing; ` +
          'with NATS_PROVISIONING=admin an administrator creates it with `enforcement-link nats provision`',
      );
      await cli('nats', 'provision');
      await waitUntilReady(baotou.url);
    });
  });

  /** Publishes a message from `from` to `to` with `from`'s own identity. */
  async function sendAs(from: string, to: string): Promise<void> {
    const connection = await connectAs(from, courtInboxPrefix(network.namespace, from));
    const msgHeaders = headers();
    msgHeaders.set('Nats-Msg-Id', newMessageId());
    await connection
      .jetstream()
      .publish(
        subjectFor({ namespace: network.namespace, to, from, type: 'delegation.requested' }),
        '{}',
        { headers: msgHeaders },
      );
  }
});

/** The server refused the operation as a permissions violation (on `subject`, if given). */
async function expectRefused(work: Promise<unknown>, subject?: string): Promise<void> {
  const error = await work.then(
    () => new Error('the server allowed it'),
    (refusal: unknown) => refusal,
  );
  expect(error).toMatchObject({ code: 'PERMISSIONS_VIOLATION' });
  if (subject) expect((error as Error).message).toContain(`"${subject}"`);
}

async function expectSubscriptionRefused(
  connection: NatsConnection,
  subject: string,
): Promise<void> {
  const subscription = connection.subscribe(subject);
  const reading = (async () => {
    for await (const message of subscription) throw new Error(`read ${message.subject}`);
  })();
  await expectRefused(reading, subject);
}
