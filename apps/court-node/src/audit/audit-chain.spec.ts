import {
  appendToChain,
  AuditEntry,
  AuditRecord,
  canonicalJson,
  ChainCheck,
  ChainHead,
  GENESIS_HASH,
  parseChainHead,
  recordHash,
} from './audit-chain';

function entry(n: number): AuditEntry {
  return {
    recordedAt: new Date(Date.UTC(2026, 0, 1, 8, 0, n)).toISOString(),
    actor:
      n % 2 ? { kind: 'court', court: 'yulin' } : { kind: 'system', process: 'deadline-watch' },
    action: 'request.changed',
    requestId: '0b0f4a4e-8d43-4c1f-9f53-000000000001',
    messageId: null,
    detail: { state: 'IN_PROGRESS', changed: ['state', 'dueAt'], n },
  };
}

/** A chain of `length` records, built as the writer builds it, in two appends. */
function chainOf(length: number): AuditRecord[] {
  const entries = Array.from({ length }, (_, i) => entry(i + 1));
  const first = appendToChain(undefined, entries.slice(0, 3));
  const head = first.at(-1) as AuditRecord;
  return [...first, ...appendToChain(head, entries.slice(3))];
}

function check(records: AuditRecord[], expectedHead?: ChainHead): ChainCheck {
  const checked = new ChainCheck(expectedHead);
  for (const record of records) checked.add(record);
  checked.finish();
  return checked;
}

function firstProblem(records: AuditRecord[], expectedHead?: ChainHead) {
  const { problems } = check(records, expectedHead);
  return problems[0] && { sequence: problems[0].sequence, kind: problems[0].kind };
}

describe('canonical encoding', () => {
  it.each([
    [{ b: 1, a: [true, null, 'x'] }, '{"a":[true,null,"x"],"b":1}'],
    [{ a: undefined, é: '引号"\n', A: 2 }, '{"A":2,"é":"引号\\"\\n"}'],
    [{ z: { y: 1, x: { w: 0 } } }, '{"z":{"x":{"w":0},"y":1}}'],
    [[], '[]'],
  ])('encodes %j as %s', (value, encoded) => {
    expect(canonicalJson(value)).toBe(encoded);
  });

  it('does not depend on the order keys were written in (jsonb reorders them)', () => {
    expect(canonicalJson({ actor: { kind: 'court', court: 'yulin' }, n: 1 })).toBe(
      canonicalJson({ n: 1, actor: { court: 'yulin', kind: 'court' } }),
    );
  });

  it.each([[new Date(0)], [Number.NaN], [() => 1], [BigInt(1)]])('refuses %p', (value) => {
    expect(() => canonicalJson({ value })).toThrow();
  });
});

describe('the chain', () => {
  it('links each record to the one before, the first to the genesis hash', () => {
    const records = chainOf(5);
    expect(records.map((record) => record.sequence)).toEqual([1, 2, 3, 4, 5]);
    expect(records[0].previousHash).toBe(GENESIS_HASH);
    for (let i = 1; i < records.length; i++) {
      expect(records[i].previousHash).toBe(records[i - 1].hash);
    }
  });

  it('hashes every field: changing any one changes the hash', () => {
    const [record] = chainOf(1);
    const variants: Partial<AuditRecord>[] = [
      { sequence: 2 },
      { previousHash: 'f'.repeat(64) },
      { recordedAt: '2026-01-01T08:00:02.000Z' },
      { actor: { kind: 'court', court: 'xinzhou' } },
      { action: 'request.created' },
      { requestId: null },
      { messageId: '0b0f4a4e-8d43-4c1f-9f53-000000000002' },
      { detail: { ...record.detail, state: 'CLOSED' } },
    ];
    for (const variant of variants) {
      expect(recordHash({ ...record, ...variant })).not.toBe(record.hash);
    }
  });

  it('is intact as written, and reports its head', () => {
    const records = chainOf(6);
    const checked = check(records, { sequence: 4, hash: records[3].hash });
    expect(checked.problems).toEqual([]);
    expect(checked.intact).toBe(true);
    expect(checked.head).toEqual({ sequence: 6, hash: records[5].hash });
    expect(checked.records).toBe(6);
  });

  it('an empty chain is intact unless a witness saw records', () => {
    expect(check([]).intact).toBe(true);
    expect(firstProblem([], { sequence: 2, hash: 'a'.repeat(64) })).toEqual({
      sequence: 1,
      kind: 'truncated',
    });
  });

  const tamperings: [string, (records: AuditRecord[]) => AuditRecord[], number, string][] = [
    [
      'a changed detail',
      (records) => records.map((r) => (r.sequence === 3 ? { ...r, detail: { n: 0 } } : r)),
      3,
      'changed',
    ],
    [
      'a changed actor, its hash recomputed',
      (records) =>
        records.map((r) => {
          if (r.sequence !== 3) return r;
          const forged = { ...r, actor: { kind: 'court' as const, court: 'xinzhou' } };
          return { ...forged, hash: recordHash(forged) };
        }),
      4,
      'relinked',
    ],
    ['a removed middle record', (records) => records.filter((r) => r.sequence !== 4), 4, 'removed'],
    ['a removed first record', (records) => records.slice(1), 1, 'removed'],
    [
      'a record inserted after 3, later ones renumbered, all hashed correctly',
      (records) => {
        const [forged] = appendToChain(records[2], [entry(99)]);
        const later = records.slice(3).map((r) => ({ ...r, sequence: r.sequence + 1 }));
        return [...records.slice(0, 3), forged, ...later];
      },
      4,
      'inserted',
    ],
    [
      'a forged record appended with a made-up hash',
      (records) => [
        ...records,
        { ...entry(7), sequence: 7, previousHash: records[5].hash, hash: 'e'.repeat(64) },
      ],
      7,
      'changed',
    ],
  ];

  it.each(tamperings)('detects %s', (_name, tamper, sequence, kind) => {
    expect(firstProblem(tamper(chainOf(6)))).toEqual({ sequence, kind });
  });

  it('reports independent tamperings each at its place', () => {
    const records = chainOf(8)
      .filter((r) => r.sequence !== 6)
      .map((r) => (r.sequence === 2 ? { ...r, detail: {} } : r));
    expect(check(records).problems.map(({ sequence, kind }) => `${sequence} ${kind}`)).toEqual([
      '2 changed',
      '6 removed',
    ]);
  });

  it('detects the newest records removed only against a witnessed head', () => {
    const records = chainOf(6);
    const truncated = records.slice(0, 4);
    expect(check(truncated).intact).toBe(true);
    expect(firstProblem(truncated, { sequence: 6, hash: records[5].hash })).toEqual({
      sequence: 5,
      kind: 'truncated',
    });
  });

  it('detects a chain rewritten up to the witnessed head', () => {
    const records = chainOf(6);
    const rewritten = appendToChain(undefined, [entry(50), ...records.slice(1)]);
    expect(check(rewritten).intact).toBe(true);
    expect(firstProblem(rewritten, { sequence: 5, hash: records[4].hash })).toEqual({
      sequence: 5,
      kind: 'diverged',
    });
  });

  it('counts every problem but keeps the first hundred', () => {
    const records = chainOf(150).map((r) => ({ ...r, detail: {} }));
    const checked = check(records);
    expect(checked.problemCount).toBe(150);
    expect(checked.problems).toHaveLength(100);
  });
});

describe('a chain head on the command line', () => {
  it('reads <sequence>:<hash>', () => {
    expect(parseChainHead(`42:${'AB'.repeat(32)}`)).toEqual({
      sequence: 42,
      hash: 'ab'.repeat(32),
    });
  });

  it.each(['42', `0:${'a'.repeat(64)}`, `x:${'a'.repeat(64)}`, `42:${'a'.repeat(63)}`])(
    'refuses %s',
    (text) => {
      expect(() => parseChainHead(text)).toThrow(/<sequence>:<sha-256 in hex>/);
    },
  );
});
