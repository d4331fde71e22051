import { EXAMPLE_BODIES, RejectionReason } from '@enforcement-link/protocol';
import { CourtApi, startCourts } from './support/court-api';
import { FakeCourt } from './support/fake-court';
import { TestNetwork, waitUntilReady } from './support/test-network';
import { waitFor } from './support/wait-for';

/** Seeded, so a failing case can be run again. */
const SEED = Number(process.env.FUZZ_SEED ?? 20261125);
const RANDOM_CASES = 150;
const MUTATION_CASES = 250;
const HOSTILE_STRINGS = [
  "'; DROP TABLE requests; --",
  '" OR 1=1 --',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '{{7*7}}${7*7}',
  '../../etc/passwd',
  '\u0000',
  '\u202e\u0645',
  '𠜎𠜱𠝹',
  'x'.repeat(100_000),
];
/** Fields any text is welcome in, so a hostile string there must be stored exactly as sent. */
const FREE_TEXT = ['instructions', 'contact.name', 'party.name', 'assets.0.institution'];

/** mulberry32: small, fast, and the same sequence for the same seed. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/**
 * Whatever a sender puts on the wire or in an HTTP body: random and mutated JSON, oversized
 * and deeply nested bodies, prototype keys, SQL- and script-looking strings, invalid UTF-8. The
 * node never fails (no 5xx, no crash), stores nothing invalid, and names each problem.
 */
describe('hostile input', () => {
  let network: TestNetwork;
  let xinzhou: CourtApi;
  let ordos: FakeCourt;
  const next = random(SEED);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)];
  const tried: Record<string, number> = {};

  beforeAll(async () => {
    network = TestNetwork.create();
    ({ xinzhou } = await startCourts(network, { xinzhou: {} }));
    ordos = await FakeCourt.join(network.namespace, 'ordos');
  });

  afterAll(async () => {
    process.stdout.write(
      `hostile input (seed ${SEED}): ${Object.entries(tried)
        .map(([kind, count]) => `${count} ${kind}`)
        .join(', ')}\n`,
    );
    await ordos.leave();
    await network.cleanup();
  });

  function randomJson(depth = 0): Json {
    const kinds = depth > 3 ? 4 : 6;
    switch (Math.floor(next() * kinds)) {
      case 0:
        return null;
      case 1:
        return next() < 0.5;
      case 2:
        return pick([0, -1, 1.5, 1e308, -0, Number.MAX_SAFE_INTEGER + 2]);
      case 3:
        return pick([...HOSTILE_STRINGS.slice(0, 8), '', 'yulin', '(2024)晋09执1号']);
      case 4:
        return Array.from({ length: Math.floor(next() * 4) }, () => randomJson(depth + 1));
      default:
        return Object.fromEntries(
          Array.from({ length: Math.floor(next() * 5) }, () => [
            pick(['caseNumber', 'party', 'receivingCourt', 'matterType', '__proto__', 'x', '']),
            randomJson(depth + 1),
          ]),
        );
    }
  }

  async function post(path: string, body: string | Buffer, contentType = 'application/json') {
    const response = await xinzhou.fetch(path, {
      method: 'POST',
      headers: { 'content-type': contentType },
      body,
    });
    const answer = (await response.json().catch(() => ({}))) as {
      id?: string;
      fieldErrors?: unknown[];
      message?: unknown;
    };
    return { status: response.status, answer };
  }

  function validDelegation(): Record<string, Json> {
    return JSON.parse(
      JSON.stringify({
        ...EXAMPLE_BODIES['delegation.requested'],
        receivingCourt: 'yulin',
        documents: [],
      }),
    ) as Record<string, Json>;
  }

  function setPath(body: Record<string, Json>, path: string, value: Json | undefined): void {
    const keys = path.split('.');
    let target = body;
    for (const key of keys.slice(0, -1)) target = target[key] as Record<string, Json>;
    const last = keys[keys.length - 1];
    if (value === undefined) delete target[last];
    else target[last] = value;
  }

  const refusedWithAReason = (status: number, answer: { message?: unknown }) =>
    [400, 413, 415, 422].includes(status) &&
    typeof answer.message === 'string' &&
    answer.message !== '';

  it('answers every random or malformed HTTP body with a 4xx that says why', async () => {
    const malformed = ['{', '{"caseNumber":', '[1,2', 'nul', '{"a":1}}', '\u0000', ''];
    for (const text of malformed) {
      const { status, answer } = await post('/api/delegations', text);
      expect({ text, status, ok: refusedWithAReason(status, answer) }).toEqual({
        text,
        status,
        ok: true,
      });
    }
    for (let i = 0; i < RANDOM_CASES; i++) {
      const body = JSON.stringify(randomJson());
      const { status, answer } = await post(
        pick(['/api/delegations', '/api/asset-searches']),
        body,
      );
      expect({ body, status, ok: refusedWithAReason(status, answer) }).toEqual({
        body,
        status,
        ok: true,
      });
    }
    tried['malformed or random HTTP bodies'] = malformed.length + RANDOM_CASES;
    expect((await xinzhou.get<{ total: number }>('/api/delegations')).total).toBe(0);
  });

  it('refuses oversized, deeply nested, non-JSON and invalid UTF-8 bodies', async () => {
    const cases: [string, string | Buffer, string, RegExp][] = [
      [
        'a 5 MB body',
        JSON.stringify({ ...validDelegation(), instructions: 'x'.repeat(5_000_000) }),
        'application/json',
        /too large/i,
      ],
      [
        '10,000 nested arrays',
        `{"caseNumber":${'['.repeat(10_000)}${']'.repeat(10_000)}}`,
        'application/json',
        /nested 10001 levels deep; at most 16/,
      ],
      [
        '10,000 nested objects',
        `${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}`,
        'application/json',
        /nested 10000 levels deep/,
      ],
      ['a form body', 'caseNumber=1', 'application/x-www-form-urlencoded', /./],
      ['plain text', JSON.stringify(validDelegation()), 'text/plain', /./],
      [
        'invalid UTF-8',
        Buffer.concat([
          Buffer.from(JSON.stringify(validDelegation()).slice(0, -2)),
          Buffer.from([0x22, 0xc3, 0x28, 0xff, 0xfe, 0x22]),
          Buffer.from('}'),
        ]),
        'application/json',
        /not valid UTF-8/,
      ],
    ];
    for (const [what, body, contentType, reason] of cases) {
      const { status, answer } = await post('/api/delegations', body, contentType);
      expect({ what, status, ok: refusedWithAReason(status, answer) }).toEqual({
        what,
        status,
        ok: true,
      });
      expect({ what, message: answer.message }).toEqual({
        what,
        message: expect.stringMatching(reason) as string,
      });
    }
    tried['oversized, nested, non-JSON or non-UTF-8 bodies'] = cases.length;
    expect((await xinzhou.get<{ total: number }>('/api/delegations')).total).toBe(0);
  });

  it('does not let __proto__ or constructor keys reach any object', async () => {
    for (const key of ['__proto__', 'constructor', 'prototype']) {
      const body = `{"receivingCourt":"yulin","${key}":{"polluted":true,"prototype":{"polluted":true}}}`;
      const { status } = await post('/api/asset-searches', body);
      expect(status).toBe(400);
      const nested = JSON.stringify(validDelegation()).replace(
        '"party":{',
        `"party":{"${key}":{"polluted":true},`,
      );
      expect((await post('/api/delegations', nested)).status).toBe(400);
    }
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
    tried['prototype-key bodies'] = 6;
  });

  it('refuses every mutation of a valid body that breaks a rule, and stores hostile text verbatim', async () => {
    const paths = [
      'caseNumber',
      'matterType',
      'receivingCourt',
      'party',
      'party.kind',
      'party.identityNumber',
      'assets',
      'assets.0.category',
      'amount.fen',
      'amount.currency',
      'documents',
      'contact',
      ...FREE_TEXT,
    ];
    const stored: { id: string; path: string; value: string }[] = [];
    for (let i = 0; i < MUTATION_CASES; i++) {
      const body = validDelegation();
      const path = pick(paths);
      const value = pick<Json | undefined>([undefined, null, 7, true, [], {}, ...HOSTILE_STRINGS]);
      setPath(body, path, value);
      const { status, answer } = await post('/api/delegations', JSON.stringify(body));
      if (status === 202) {
        // Only text where any text is welcome gets through, and only within its length.
        expect({ path, accepted: FREE_TEXT.includes(path) && typeof value === 'string' }).toEqual({
          path,
          accepted: true,
        });
        stored.push({ id: answer.id as string, path, value: value as string });
      } else {
        expect({ path, value, status, ok: refusedWithAReason(status, answer) }).toEqual({
          path,
          value,
          status,
          ok: true,
        });
      }
    }
    for (const { id, path, value } of stored) {
      const request = await xinzhou.get<{ details: Record<string, Json> }>(
        `/api/delegations/${id}`,
      );
      let found: Json = request.details;
      for (const key of path.split('.')) found = (found as Record<string, Json>)[key];
      expect(found).toBe(value);
    }
    tried['mutated HTTP bodies'] = MUTATION_CASES;
    expect((await xinzhou.get<{ total: number }>('/api/delegations')).total).toBe(stored.length);
  });

  it('rejects every hostile message with its own reason, stores it as evidence, and keeps working', async () => {
    const requestId = '0192f1d2-7a3b-7c4d-8e5f-60718293a4ff';
    const valid = () =>
      ordos.envelope('request.accepted', 'xinzhou', requestId, EXAMPLE_BODIES['request.accepted']);
    const cases: [string, Uint8Array | string | object, RejectionReason, string?][] = [
      ['bad JSON', '{"id":', RejectionReason.MalformedJson],
      ['invalid UTF-8', Buffer.from([0x7b, 0xc3, 0x28, 0xff, 0x7d]), RejectionReason.MalformedJson],
      [
        'random bytes',
        Buffer.from(Array.from({ length: 64 }, () => Math.floor(next() * 256))),
        RejectionReason.MalformedJson,
      ],
      ['a JSON array', '[1,2,3]', RejectionReason.MalformedJson],
      ['deep nesting', `${'{"a":'.repeat(100)}1${'}'.repeat(100)}`, RejectionReason.NestingTooDeep],
      [
        'too large',
        JSON.stringify({ ...valid(), body: { pad: 'x'.repeat(300_000) } }),
        RejectionReason.MessageTooLarge,
      ],
      [
        'a prototype key',
        JSON.stringify(valid()).replace('{', '{"__proto__":{"polluted":true},'),
        RejectionReason.MalformedJson,
      ],
      [
        'an unknown type',
        { ...valid(), type: 'request.exploded' },
        RejectionReason.SubjectMismatch,
      ],
      ['a forged sender', { ...valid(), from: 'yulin' }, RejectionReason.SenderMismatch],
      [
        'a script in a checked field',
        { ...valid(), body: { receivingCaseNumber: '<script>', handler: { name: 'x' } } },
        RejectionReason.InvalidBody,
      ],
    ];
    for (const [, payload] of cases) {
      await ordos.publish(
        'xinzhou',
        'request.accepted',
        payload instanceof Uint8Array || typeof payload === 'string'
          ? payload
          : JSON.stringify(payload),
      );
    }
    const rows = await waitFor('every hostile message to be stored as rejected', async () => {
      const found = await network.query<{ rejection_reason: string; payload: string }>(
        xinzhou.databaseUrl,
        "SELECT rejection_reason, payload FROM inbox_messages WHERE outcome = 'rejected' ORDER BY received_at",
      );
      return found.length >= cases.length ? found : undefined;
    });
    // Handled concurrently: compared as a whole, each reason as often as its cases.
    expect(rows.map((row) => row.rejection_reason).sort()).toEqual(
      cases.map(([, , reason]) => reason).sort(),
    );
    const answered: string[] = [];
    for (let i = 0; i < cases.length; i++) {
      const rejection = await ordos.receive(['message.rejected']);
      answered.push((rejection.body as { reason: string }).reason);
    }
    expect(answered.sort()).toEqual(rows.map((row) => row.rejection_reason).sort());
    tried['hostile NATS messages'] = cases.length;
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
    await waitUntilReady(xinzhou.node.url);
    // Still working: a real delegation goes out and reaches Ordos.
    const created = await xinzhou.createDelegation('ordos');
    expect((await ordos.receive(['delegation.requested'])).requestId).toBe(created.id);
  });
});
