import { ensureDatabaseExists } from '@enforcement-link/platform';
import { newMessageId } from '@enforcement-link/protocol';
import {
  AckPolicy,
  connect,
  ConsumerMessages,
  JsMsg,
  NatsConnection,
  RetentionPolicy,
  StorageType,
} from 'nats';
import { Pool } from 'pg';
import { TestNetwork } from '../test/support/test-network';
import { OneRequest } from './measure';

const SCHEMA = `
  CREATE TABLE requests (id uuid PRIMARY KEY, state text NOT NULL, updated_at timestamptz NOT NULL);
  CREATE TABLE outbox (id uuid PRIMARY KEY, subject text NOT NULL, payload text NOT NULL,
    published_at timestamptz);
  CREATE TABLE inbox (id uuid PRIMARY KEY, payload text NOT NULL);
  CREATE TABLE registry_assets (party_identifier text, category text, institution text,
    reference text);
  CREATE INDEX ON registry_assets (party_identifier, category);
  INSERT INTO registry_assets VALUES
    ('140902198506153311', 'bank-deposit', '中国工商银行榆林分行', '6222021208001234567'),
    ('140902198506153311', 'real-estate', '榆林市不动产登记中心', '陕(2021)榆林市不动产权第0012345号'),
    ('140902198506153311', 'vehicle', '榆林市车辆管理所', '陕K·A1234');`;

/**
 * The floor: the same hop with nothing but the nats and pg clients, in one process. Requester:
 * request row and outbox row in one transaction, publish with Nats-Msg-Id, mark published.
 * Receiver (durable pull consumer): inbox row, registry lookup and reply outbox row in one
 * transaction, publish the reply, mark it published, ack. Requester (its own durable consumer):
 * inbox row and request update in one transaction, ack. No HTTP, no validation, no receipts.
 */
export class FloorHop {
  private readonly waiting = new Map<string, { startedAt: number; done: (ms: number) => void }>();
  private readonly subscriptions: ConsumerMessages[] = [];

  private constructor(
    private readonly pool: Pool,
    private readonly connection: NatsConnection,
    private readonly namespace: string,
  ) {}

  static async start(network: TestNetwork, concurrency: number): Promise<FloorHop> {
    const url = network.databaseUrl('floor');
    await ensureDatabaseExists(url);
    const pool = new Pool({ connectionString: url, max: 2 * concurrency + 4 });
    await pool.query(SCHEMA);
    const connection = await connect({ servers: network.sharedEnvironment().NATS_URL });
    const stream = `${network.namespace.toUpperCase()}_FLOOR`;
    const manager = await connection.jetstreamManager();
    await manager.streams.add({
      name: stream,
      subjects: [`${network.namespace}.floor.>`],
      retention: RetentionPolicy.Workqueue,
      storage: StorageType.File,
    });
    const hop = new FloorHop(pool, connection, network.namespace);
    for (const court of ['yulin', 'xinzhou'] as const) {
      await manager.consumers.add(stream, {
        durable_name: court,
        filter_subject: `${network.namespace}.floor.${court}.>`,
        ack_policy: AckPolicy.Explicit,
        max_ack_pending: 4 * concurrency,
      });
      const consumer = await connection.jetstream().consumers.get(stream, court);
      const messages = await consumer.consume({ max_messages: 2 * concurrency });
      hop.subscriptions.push(messages);
      const handle = court === 'yulin' ? hop.answer : hop.complete;
      void hop.handleConcurrently(messages, concurrency, handle);
    }
    return hop;
  }

  readonly request: OneRequest = async () => {
    const startedAt = Date.now();
    const id = newMessageId();
    const done = new Promise<number>((resolve) =>
      this.waiting.set(id, { startedAt, done: resolve }),
    );
    await this.transaction(async (client) => {
      await client.query(`INSERT INTO requests VALUES ($1, 'SENT', now())`, [id]);
      await this.enqueue(client, id, 'yulin', { requestId: id, party: '140902198506153311' });
    });
    await this.publish(id);
    return done;
  };

  async stop(): Promise<void> {
    await Promise.all(this.subscriptions.map((messages) => messages.close()));
    await this.connection.close();
    await this.pool.end();
  }

  private readonly answer = async (message: JsMsg): Promise<void> => {
    const { requestId, party } = JSON.parse(message.string()) as Record<string, string>;
    const replyId = newMessageId();
    const fresh = await this.transaction(async (client) => {
      const stored = await client.query(
        'INSERT INTO inbox VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING id',
        [message.headers?.get('Nats-Msg-Id'), message.string()],
      );
      if (stored.rowCount === 0) return false;
      const { rows } = await client.query(
        `SELECT category, institution, reference FROM registry_assets
          WHERE party_identifier = $1 AND category = ANY($2)`,
        [party, ['bank-deposit', 'real-estate', 'vehicle']],
      );
      await this.enqueue(client, replyId, 'xinzhou', { requestId, assets: rows });
      return true;
    });
    if (fresh) await this.publish(replyId);
    message.ack();
  };

  private readonly complete = async (message: JsMsg): Promise<void> => {
    const { requestId } = JSON.parse(message.string()) as Record<string, string>;
    await this.transaction(async (client) => {
      await client.query('INSERT INTO inbox VALUES ($1, $2) ON CONFLICT DO NOTHING', [
        message.headers?.get('Nats-Msg-Id'),
        message.string(),
      ]);
      await client.query(
        `UPDATE requests SET state = 'RESULT_REPORTED', updated_at = now() WHERE id = $1`,
        [requestId],
      );
    });
    message.ack();
    const waiter = this.waiting.get(requestId);
    this.waiting.delete(requestId);
    waiter?.done(Date.now() - waiter.startedAt);
  };

  private async enqueue(
    client: { query: Pool['query'] },
    id: string,
    to: string,
    body: object,
  ): Promise<void> {
    await client.query('INSERT INTO outbox (id, subject, payload) VALUES ($1, $2, $3)', [
      id,
      `${this.namespace}.floor.${to}.${to === 'yulin' ? 'xinzhou' : 'yulin'}`,
      JSON.stringify(body),
    ]);
  }

  private async publish(id: string): Promise<void> {
    const { rows } = await this.pool.query<{ subject: string; payload: string }>(
      'SELECT subject, payload FROM outbox WHERE id = $1',
      [id],
    );
    await this.connection.jetstream().publish(rows[0].subject, Buffer.from(rows[0].payload), {
      msgID: id,
    });
    await this.pool.query('UPDATE outbox SET published_at = now() WHERE id = $1', [id]);
  }

  private async transaction<T>(work: (client: { query: Pool['query'] }) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    } finally {
      client.release();
    }
  }

  private async handleConcurrently(
    messages: ConsumerMessages,
    concurrency: number,
    handle: (message: JsMsg) => Promise<void>,
  ): Promise<void> {
    const inFlight = new Set<Promise<void>>();
    for await (const message of messages) {
      while (inFlight.size >= concurrency) await Promise.race(inFlight);
      const handling = handle(message).finally(() => inFlight.delete(handling));
      inFlight.add(handling);
    }
  }
}
