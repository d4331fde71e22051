import {
  changeCourtKeys,
  CourtKeyRegistryFollower,
  openCourtKeysBucket,
} from '@enforcement-link/messaging';
import {
  Envelope,
  EXAMPLE_BODIES,
  newMessageId,
  ProtocolRejectionBody,
  RejectionReason,
  SigningKey,
  withKeyRevoked,
  withKeyRotated,
} from '@enforcement-link/protocol';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { connect } from 'nats';
import { CourtApi, startCourts } from './support/court-api';
import { FakeCourt } from './support/fake-court';
import { PROJECT_ROOT } from './support/service-process';
import { NATS_URL, TestNetwork } from './support/test-network';
import { waitFor } from './support/wait-for';

const DAY_MS = 24 * 3_600_000;

describe('signed messages', () => {
  let network: TestNetwork;
  let yulin: CourtApi;
  let xinzhou: CourtApi;
  let ordos: FakeCourt;
  let baotou: FakeCourt;
  let searchBody: object;

  beforeAll(async () => {
    network = TestNetwork.create();
    ({ yulin, xinzhou } = await startCourts(network, {
      yulin: {},
      xinzhou: { MESSAGE_SIGNATURES: 'optional' },
    }));
    [ordos, baotou] = await Promise.all([
      FakeCourt.join(network.namespace, 'ordos'),
      FakeCourt.join(network.namespace, 'baotou'),
    ]);
    searchBody = await yulin.withDocuments({ ...EXAMPLE_BODIES['asset-search.requested'] });
  });

  afterAll(async () => {
    await Promise.all([ordos.leave(), baotou.leave()]);
    await network.cleanup();
  });

  /** A new asset search from `from` to Yulin, not signed yet. */
  function search(from: FakeCourt, overrides: Partial<Envelope> = {}): Envelope {
    return {
      ...from.envelope('asset-search.requested', 'yulin', newMessageId(), searchBody),
      ...overrides,
    };
  }

  async function changeKeys(
    court: string,
    change: Parameters<typeof changeCourtKeys>[2],
  ): Promise<void> {
    const connection = await connect({ servers: NATS_URL });
    try {
      const bucket = await openCourtKeysBucket(connection.jetstream(), network.namespace, 1);
      await changeCourtKeys(bucket, court, change);
    } finally {
      await connection.close();
    }
  }

  /** Waits until Yulin's node follows the registry as `ready` says. */
  function yulinSees(what: string, ready: (follower: CourtKeyRegistryFollower) => boolean) {
    const follower = yulin.node.app.get(CourtKeyRegistryFollower);
    return waitFor(`Yulin to see ${what}`, () => Promise.resolve(ready(follower) || undefined));
  }

  async function expectRefused(
    sender: FakeCourt,
    message: Envelope,
    reason: RejectionReason,
    detail: string,
  ): Promise<void> {
    const answer = await sender.receive(['message.rejected']);
    expect(answer.body).toMatchObject({ reason, rejectedMessageId: message.id });
    expect((answer.body as ProtocolRejectionBody).detail).toContain(detail);
    // The rejection is signed by Yulin's key too.
    expect(answer.signature?.keyId).toBe(network.keys.keyOf('yulin').publicKey);

    const evidence = await network.query<{ outcome: string; payload: string }>(
      yulin.databaseUrl,
      `SELECT outcome, payload FROM inbox_messages WHERE rejection_reason = $1 AND payload LIKE $2`,
      [reason, `%${message.id}%`],
    );
    expect(evidence).toEqual([{ outcome: 'rejected', payload: expect.any(String) as string }]);
    expect(JSON.parse(evidence[0].payload)).toMatchObject({ id: message.id });
    expect((await yulin.call('GET', `/api/tasks/${message.requestId}`)).status).toBe(404);
  }

  it('handles a message signed by the sender’s registered key, and signs its receipt', async () => {
    const message = await ordos.send('asset-search.requested', 'yulin', newMessageId(), searchBody);
    const receipt = await ordos.receive(['message.delivered']);
    expect(receipt.body).toMatchObject({ deliveredMessageId: message.id });
    expect(receipt.signature).toEqual({
      keyId: network.keys.keyOf('yulin').publicKey,
      algorithm: 'ed25519',
      value: expect.any(String) as string,
    });
    const [stored] = await network.query<{ payload: string; stream_stored_at: Date }>(
      yulin.databaseUrl,
      'SELECT payload, stream_stored_at FROM inbox_messages WHERE id = $1',
      [message.id],
    );
    expect(JSON.parse(stored.payload)).toMatchObject({ signature: message.signature });
    expect(stored.stream_stored_at).toBeInstanceOf(Date);
  });

  it.each([
    ['an unsigned message', (m: Envelope) => m, RejectionReason.UnsignedMessage, 'no signature'],
    [
      'a message signed by another court’s key',
      (m: Envelope) => baotou.key.sign(m),
      RejectionReason.UnknownSigningKey,
      "is baotou's, not ordos's",
    ],
    [
      'another court’s signature naming the sender’s key',
      (m: Envelope) => {
        const forged = baotou.key.sign(m);
        return { ...forged, signature: { ...forged.signature, keyId: ordos.key.publicKey } };
      },
      RejectionReason.BadSignature,
      'does not match',
    ],
    [
      'a body changed after signing',
      (m: Envelope) => ({ ...ordos.key.sign(m), body: { ...searchBody, categories: ['vehicle'] } }),
      RejectionReason.BadSignature,
      'does not match',
    ],
    [
      'a key nobody registered',
      (m: Envelope) => SigningKey.generate().key.sign(m),
      RejectionReason.UnknownSigningKey,
      'is not registered for ordos',
    ],
    [
      'a message sent 31 days before JetStream stored it',
      (m: Envelope) =>
        ordos.key.sign({ ...m, sentAt: new Date(Date.now() - 31 * DAY_MS).toISOString() }),
      RejectionReason.OutsideTimeWindow,
      'more than 720 hours before',
    ],
    [
      'a message dated ten minutes ahead',
      (m: Envelope) =>
        ordos.key.sign({ ...m, sentAt: new Date(Date.now() + 600_000).toISOString() }),
      RejectionReason.OutsideTimeWindow,
      'after it was stored',
    ],
  ])(
    'refuses %s with its own reason, keeps it as evidence and applies nothing',
    async (_case, make, reason, detail) => {
      const message = make(search(ordos));
      await ordos.publishAsIs('yulin', message.type, message);
      await expectRefused(ordos, message, reason, detail);
    },
  );

  it('takes the same message again as a duplicate, but refuses other content under its id', async () => {
    const original = ordos.key.sign(search(ordos));
    await ordos.publishAsIs('yulin', original.type, original);
    await ordos.receive(['message.delivered']);
    await ordos.publishAsIs('yulin', original.type, original);

    const replayed = ordos.key.sign({
      ...original,
      body: { ...searchBody, categories: ['vehicle'] },
    });
    await ordos.publishAsIs('yulin', replayed.type, replayed);

    const answer = await ordos.receive(['message.rejected']);
    expect(answer.body).toMatchObject({
      reason: RejectionReason.ReplayedMessageId,
      rejectedMessageId: original.id,
      detail: expect.stringContaining('with other content') as string,
    });
    const rows = await network.query<{ outcome: string; rejection_reason: string | null }>(
      yulin.databaseUrl,
      'SELECT outcome, rejection_reason FROM inbox_messages WHERE payload LIKE $1 ORDER BY received_at',
      [`%${original.id}%`],
    );
    // The original was handled once; the copy delivered again changed nothing; the replay is
    // kept as evidence.
    expect(rows).toEqual([
      { outcome: 'processed', rejection_reason: null },
      { outcome: 'rejected', rejection_reason: RejectionReason.ReplayedMessageId },
    ]);
    const task = await yulin.get<{ timeline: unknown[]; details: { categories: string[] } }>(
      `/api/tasks/${original.requestId}`,
    );
    expect(task.timeline).toHaveLength(1);
    expect(task.details.categories).toEqual(['bank-deposit', 'real-estate', 'vehicle']);
  });

  it('refuses what a revoked key signed', async () => {
    const wuhai = await FakeCourt.join(network.namespace, 'wuhai');
    try {
      await yulinSees('Wuhai’s key', (f) => f.registry.find(wuhai.key.publicKey) !== undefined);
      await changeKeys('wuhai', (keys) =>
        withKeyRevoked(keys, wuhai.key.publicKey, new Date(Date.now() - 60_000), 'seed leaked'),
      );
      await yulinSees(
        'the revocation',
        (f) => f.registry.find(wuhai.key.publicKey)?.revokedAt !== undefined,
      );

      const message = await wuhai.send(
        'asset-search.requested',
        'yulin',
        newMessageId(),
        searchBody,
      );
      await expectRefused(wuhai, message, RejectionReason.RevokedSigningKey, 'seed leaked');
    } finally {
      await wuhai.leave();
    }
  });

  it('keeps what the old key signed before a rotation valid, and refuses what it signs after', async () => {
    const oldKey = baotou.key;
    const { key: newKey } = SigningKey.generate();
    const queued = oldKey.sign({
      ...search(baotou),
      sentAt: new Date(Date.now() - 60_000).toISOString(),
    });
    await changeKeys('baotou', (keys) =>
      withKeyRotated(keys, 'baotou', newKey.publicKey, new Date(), 0),
    );
    await yulinSees(
      'Baotou’s new key',
      (f) => f.registry.currentKeyOf('baotou')?.publicKey === newKey.publicKey,
    );

    // Queued before the rotation, published after it: still Baotou's valid word.
    await baotou.publishAsIs('yulin', queued.type, queued);
    expect((await baotou.receive(['message.delivered'])).body).toMatchObject({
      deliveredMessageId: queued.id,
    });
    const late = oldKey.sign(search(baotou));
    await baotou.publishAsIs('yulin', late.type, late);
    await expectRefused(baotou, late, RejectionReason.RetiredSigningKey, 'was replaced at');

    const current = newKey.sign(search(baotou));
    await baotou.publishAsIs('yulin', current.type, current);
    expect((await baotou.receive(['message.delivered'])).body).toMatchObject({
      deliveredMessageId: current.id,
    });

    // Years later an administrator checks the message the retired key signed: still valid.
    expect(await verifyMessages(['--message-id', queued.id])).toMatchObject({
      exitCode: 0,
      stdout: expect.stringMatching(
        `valid {3}${queued.id} asset-search.requested from baotou.*; signed by ${oldKey.publicKey} \\(baotou: retired at`,
      ) as string,
    });
  });

  it('takes unsigned messages during a rollout (optional), but never a bad signature', async () => {
    const unsigned = ordos.envelope(
      'asset-search.requested',
      'xinzhou',
      newMessageId(),
      searchBody,
    );
    await ordos.publishAsIs('xinzhou', unsigned.type, unsigned);
    expect((await ordos.receive(['message.delivered'])).body).toMatchObject({
      deliveredMessageId: unsigned.id,
    });
    const tampered = {
      ...ordos.key.sign(
        ordos.envelope('asset-search.requested', 'xinzhou', newMessageId(), searchBody),
      ),
      body: { ...searchBody, categories: ['vehicle'] },
    };
    await ordos.publishAsIs('xinzhou', tampered.type, tampered);
    expect((await ordos.receive(['message.rejected'])).body).toMatchObject({
      reason: RejectionReason.BadSignature,
      rejectedMessageId: tampered.id,
    });
    expect((await xinzhou.call('GET', `/api/tasks/${tampered.requestId}`)).status).toBe(404);
  });

  it('re-verifies stored messages on request and finds one changed in the database', async () => {
    const message = await ordos.send('asset-search.requested', 'yulin', newMessageId(), searchBody);
    await ordos.receive(['message.delivered']);

    expect(await verifyMessages(['--message-id', message.id])).toMatchObject({
      exitCode: 0,
      stdout: expect.stringContaining(
        `signed by ${ordos.key.publicKey} (ordos: current since`,
      ) as string,
    });

    await network.query(
      yulin.databaseUrl,
      `UPDATE inbox_messages SET payload = replace(payload, '执123号', '执124号') WHERE id = $1`,
      [message.id],
    );
    const tampered = await verifyMessages(['--message-id', message.id, '--json']);
    expect(tampered.exitCode).toBe(1);
    expect(JSON.parse(tampered.stdout)).toEqual([
      expect.objectContaining({
        id: message.id,
        keyId: ordos.key.publicKey,
        signatureMatches: false,
        valid: false,
        problem: expect.stringContaining(RejectionReason.BadSignature) as string,
      }),
    ]);

    const all = await verifyMessages(['--all', '--json']);
    expect(all.exitCode).toBe(1);
    const results = JSON.parse(all.stdout) as { id: string; valid: boolean }[];
    expect(results.filter((result) => !result.valid).map((result) => result.id)).toEqual([
      message.id,
    ]);
    expect(results.length).toBeGreaterThan(3);
  });

  /** `enforcement-link messages verify` on Yulin's database, as an administrator runs it. */
  async function verifyMessages(
    args: string[],
  ): Promise<{ exitCode: number; stdout: string; stderr: string }> {
    const cli = join(PROJECT_ROOT, 'apps', 'cli', 'src', 'main.ts');
    try {
      const { stdout, stderr } = await promisify(execFile)(
        process.execPath,
        [
          '-r',
          '@swc-node/register',
          cli,
          'messages',
          'verify',
          '--database-url',
          yulin.databaseUrl,
          ...args,
        ],
        {
          cwd: PROJECT_ROOT,
          env: { PATH: process.env.PATH, NATS_URL, NATS_NAMESPACE: network.namespace },
        },
      );
      return { exitCode: 0, stdout, stderr };
    } catch (error) {
      const failed = error as { code: number; stdout: string; stderr: string };
      return { exitCode: failed.code, stdout: failed.stdout, stderr: failed.stderr };
    }
  }
});
