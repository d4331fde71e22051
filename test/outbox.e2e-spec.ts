import {
  courtMessagesStreamName,
  decodeMessage,
  inboundSubjectFilter,
} from '@enforcement-link/protocol';
import { AckPolicy, connect, DiscardPolicy, JsMsg, NatsConnection } from 'nats';
import { DataSource } from 'typeorm';
import { OutboxMessage } from '../apps/court-node/src/messaging/outbox-message.entity';
import { OutboxService } from '../apps/court-node/src/messaging/outbox.service';
import { freePort } from './support/free-port';
import { NatsServerProcess } from './support/nats-server';
import { NATS_URL, RunningApp, TestNetwork, waitUntilReady } from './support/test-network';
import { waitFor } from './support/wait-for';

const statusQuery = (requestId: string) => ({
  type: 'status.queried' as const,
  to: 'yulin',
  requestId,
  body: { question: '请告知办理进度' },
});

/** Reads what reached Yulin's slice of the stream, as Yulin's own consumer would. */
async function receivedByYulin(
  natsUrl: string,
  namespace: string,
  expected: number,
): Promise<JsMsg[]> {
  const connection: NatsConnection = await connect({ servers: natsUrl });
  try {
    const stream = courtMessagesStreamName(namespace);
    const manager = await connection.jetstreamManager();
    await manager.consumers.add(stream, {
      durable_name: 'yulin-test',
      filter_subject: inboundSubjectFilter(namespace, 'yulin'),
      ack_policy: AckPolicy.Explicit,
    });
    const consumer = await connection.jetstream().consumers.get(stream, 'yulin-test');
    const messages: JsMsg[] = [];
    while (messages.length < expected) {
      const batch = await consumer.fetch({
        max_messages: expected - messages.length,
        expires: 2_000,
      });
      let got = 0;
      for await (const message of batch) {
        messages.push(message);
        message.ack();
        got++;
      }
      if (got === 0) break;
    }
    return messages;
  } finally {
    await connection.close();
  }
}

describe('outbox', () => {
  let network: TestNetwork;

  beforeEach(() => {
    network = TestNetwork.create();
  });

  afterEach(() => network.cleanup());

  function enqueue(node: RunningApp, count: number, rollback = false): Promise<string[]> {
    const outbox = node.app.get(OutboxService);
    return node.app
      .get(DataSource)
      .transaction(async (manager) => {
        const ids: string[] = [];
        for (let i = 0; i < count; i++) {
          ids.push(
            (
              await outbox.enqueue(
                manager,
                statusQuery(`0190a3f0-5c00-7000-8000-${String(i).padStart(12, '0')}`),
              )
            ).id,
          );
        }
        if (rollback) throw new Error('rolled back on purpose');
        return ids;
      })
      .catch((error: Error) => (rollback ? [] : Promise.reject(error)));
  }

  it('publishes a committed message to the receiving court’s subject with its id as Nats-Msg-Id', async () => {
    const node = await network.startCourtNode(network.courtNodeEnvironment('xinzhou'));
    await waitUntilReady(node.url);

    const [id] = await enqueue(node, 1);
    const [message] = await receivedByYulin(NATS_URL, network.namespace, 1);

    expect(message.subject).toBe(`${network.namespace}.v1.yulin.xinzhou.status.queried`);
    expect(message.headers?.get('Nats-Msg-Id')).toBe(id);
    const decoded = decodeMessage(message.data, message.subject);
    expect(decoded.ok && decoded.message.envelope).toMatchObject({
      id,
      from: 'xinzhou',
      to: 'yulin',
    });
  });

  it('sends nothing when the transaction rolls back', async () => {
    const node = await network.startCourtNode(network.courtNodeEnvironment('xinzhou'));
    await waitUntilReady(node.url);

    await enqueue(node, 3, true);
    await enqueue(node, 1);

    expect(await receivedByYulin(NATS_URL, network.namespace, 4)).toHaveLength(1);
  });

  it('tries again, ever later, a message the stream refuses, and sends it once it is taken', async () => {
    const node = await network.startCourtNode(network.courtNodeEnvironment('xinzhou'));
    await waitUntilReady(node.url);
    const outbox = node.app.get(DataSource).getRepository(OutboxMessage);
    const [first] = await enqueue(node, 1);
    await waitFor('the first message to go out', async () =>
      (await outbox.findOneByOrFail({ id: first })).publishedAt ? true : undefined,
    );
    const connection = await connect({ servers: NATS_URL });
    try {
      const streams = (await connection.jetstreamManager()).streams;
      const stream = courtMessagesStreamName(network.namespace);
      const { config, state } = await streams.info(stream);
      // The stream is full and refuses what comes on, as it would at its limits.
      await streams.update(stream, {
        ...config,
        max_msgs: state.messages,
        discard: DiscardPolicy.New,
      });
      const [refused] = await enqueue(node, 1);
      const triedAfter = async (attempts: number) =>
        waitFor(
          `the relay to try the refused message ${attempts} times`,
          async () => {
            const message = await outbox.findOneByOrFail({ id: refused });
            return message.attempts >= attempts ? message : undefined;
          },
          15_000,
        );
      const once = await triedAfter(1);
      const twice = await triedAfter(2);
      expect(twice.publishedAt).toBeNull();
      expect(twice.lastError).toBe('maximum messages exceeded (JetStream error 10077)');
      // 500 ms after the first failure, then 1 s after the second: the wait doubles.
      expect(twice.nextAttemptAt.getTime() - once.nextAttemptAt.getTime()).toBeGreaterThanOrEqual(
        1_000,
      );

      await streams.update(stream, config);
      await waitFor(
        'the refused message to go out',
        async () =>
          (await outbox.findOneByOrFail({ id: refused })).publishedAt ? true : undefined,
        15_000,
      );
      const received = await receivedByYulin(NATS_URL, network.namespace, 3);
      expect(received.map((message) => message.headers?.get('Nats-Msg-Id'))).toEqual([
        first,
        refused,
      ]);
    } finally {
      await connection.close();
    }
  });

  it('keeps messages while NATS is down and delivers every one, once, when it returns', async () => {
    const nats = await NatsServerProcess.create(await freePort());
    try {
      await nats.start();
      const node = await network.startCourtNode(
        network.courtNodeEnvironment('xinzhou', { NATS_URL: nats.url }),
      );
      await waitUntilReady(node.url);
      await nats.stop();

      const ids = await enqueue(node, 20);
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      const stored = await node.app.get(DataSource).getRepository(OutboxMessage).find();
      expect(stored.filter((message) => message.publishedAt === null)).toHaveLength(20);

      await nats.start();
      await waitFor(
        'the outbox to drain',
        async () => {
          const left = await node.app
            .get(DataSource)
            .query<{ count: string }[]>(
              'SELECT count(*) FROM outbox_messages WHERE published_at IS NULL',
            );
          return left[0].count === '0' ? true : undefined;
        },
        30_000,
      );

      const received = await receivedByYulin(nats.url, network.namespace, 21);
      expect(received.map((message) => message.headers?.get('Nats-Msg-Id')).sort()).toEqual(
        [...ids].sort(),
      );
    } finally {
      await network.cleanup();
      await nats.destroy();
    }
  }, 60_000);
});
