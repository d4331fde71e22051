import { newMessageId } from '../transport/message-id';
import { subjectFor } from '../transport/subjects';
import { decodeMessage } from './decode-message';

/** A small seeded generator, so a failing case can be replayed from the seed it prints. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const subject = subjectFor({
  namespace: 'enf',
  to: 'xinzhou',
  from: 'yulin',
  type: 'message.rejected',
});
const valid = {
  id: newMessageId(),
  type: 'message.rejected',
  version: '1.0',
  from: 'yulin',
  to: 'xinzhou',
  requestId: newMessageId(),
  sentAt: '2024-03-01T09:30:00+08:00',
  body: {
    reason: 'INVALID_BODY',
    rejectedMessageId: newMessageId(),
    detail: 'the delegation.requested body is invalid',
    fieldErrors: [{ field: 'body.party.identityNumber', rule: 'a resident identity number' }],
  },
};

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
const WRONG_VALUES: Json[] = [
  null,
  0,
  -1,
  1.5,
  '',
  'x'.repeat(3000),
  true,
  [],
  {},
  [null],
  { a: 1 },
];

/** Paths to every value in the message, e.g. ['body', 'fieldErrors', 0, 'rule']. */
function paths(value: Json, prefix: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(value))
    return value.flatMap((item, i) => [[...prefix, i], ...paths(item, [...prefix, i])]);
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) => [
      [...prefix, key],
      ...paths(item, [...prefix, key]),
    ]);
  }
  return [];
}

type Container = Record<string | number, Json>;

function mutate(
  message: Json,
  path: (string | number)[],
  change: (parent: Container, key: string | number) => void,
): Json {
  const copy = structuredClone(message);
  const parent = path.slice(0, -1).reduce((node, key) => (node as Container)[key], copy);
  change(parent as Container, path[path.length - 1]);
  return copy;
}

/** Retyped values the message stays valid with; any other accepted retype is a decoder bug. */
const RETYPES_THAT_STAY_VALID: [string, Json][] = [
  ['body.fieldErrors', []],
  ['body.detail', ''],
  ['body.detail', 'x'],
  ['body.fieldErrors.0.field', ''],
  ['body.fieldErrors.0.field', 'x'],
  ['body.fieldErrors.0.rule', ''],
  ['body.fieldErrors.0.rule', 'x'],
];

describe('decodeMessage under random mutation', () => {
  const allPaths = paths(valid);

  it('rejects every message with a field removed, retyped or added', () => {
    const next = random(20241125);
    for (let round = 0; round < 3000; round++) {
      const path = allPaths[Math.floor(next() * allPaths.length)];
      const optional = path.join('.') === 'body.rejectedMessageId';
      const inArray = typeof path[path.length - 1] === 'number';
      const wanted = (['delete', 'retype', 'add'] as const)[Math.floor(next() * 3)];
      // Array items can only be retyped; an optional field's absence is valid, so add instead.
      const operation = inArray ? 'retype' : wanted === 'delete' && optional ? 'add' : wanted;
      const wrong = WRONG_VALUES[Math.floor(next() * WRONG_VALUES.length)];
      const mutated = mutate(valid, path, (parent, key) => {
        if (operation === 'delete') delete parent[key];
        else if (operation === 'retype') parent[key] = wrong;
        else parent[`unexpected${round}`] = wrong;
      });
      const text = JSON.stringify(mutated);
      if (text === JSON.stringify(valid)) continue;

      const result = decodeMessage(Buffer.from(text), subject);
      // Deleting a required field or adding an unknown one is always invalid. A retyped value
      // may by chance still be valid (an empty list of field errors, a detail that is a string).
      if (operation !== 'retype')
        expect({ path, operation, ok: result.ok }).toEqual({ path, operation, ok: false });
      if (result.ok) expect(RETYPES_THAT_STAY_VALID).toContainEqual([path.join('.'), wrong]);
    }
  });

  it('never throws on corrupted bytes, and answers each with a result', () => {
    const next = random(7);
    const bytes = Buffer.from(JSON.stringify(valid));
    for (let round = 0; round < 3000; round++) {
      const corrupted = Buffer.from(bytes);
      const flips = 1 + Math.floor(next() * 4);
      for (let i = 0; i < flips; i++) {
        corrupted[Math.floor(next() * corrupted.length)] = Math.floor(next() * 256);
      }
      const cut = next() < 0.2 ? Math.floor(next() * corrupted.length) : corrupted.length;
      const result = decodeMessage(corrupted.subarray(0, cut), subject);
      expect(typeof result.ok).toBe('boolean');
      if (!result.ok) expect(result.rejection.reason).toMatch(/^[A-Z_]+$/);
    }
  });
});
