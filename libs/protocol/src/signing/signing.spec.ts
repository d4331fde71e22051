import { fromSeed } from 'nkeys.js';
import { decodeMessage } from '../codec/decode-message';
import { RejectionReason } from '../codec/rejection-reasons';
import { EXAMPLE_BODIES } from '../messages/examples';
import { PROTOCOL_VERSION } from '../messages/envelope';
import { subjectFor } from '../transport/subjects';
import { checkSignature, timeWindowProblem } from './check-signature';
import {
  CourtKeyRecord,
  CourtKeyRegistry,
  keyStanding,
  withKeyRegistered,
  withKeyRevoked,
  withKeyRotated,
} from './court-keys';
import { signedBytes } from './canonical-json';
import { isSignatureValid, isSigningPublicKey, SigningKey } from './signing-key';

const HOUR = 3_600_000;
const xinzhouKey = SigningKey.generate().key;
const ordosKey = SigningKey.generate().key;
const registeredAt = new Date('2025-01-01T00:00:00Z');

function envelope(overrides: object = {}) {
  return {
    id: '0190a3f0-5c00-7000-8000-000000000001',
    type: 'request.accepted',
    version: PROTOCOL_VERSION,
    from: 'xinzhou',
    to: 'yulin',
    requestId: '0190a3f0-5c00-7000-8000-00000000a001',
    sentAt: '2025-06-01T09:30:00+08:00',
    body: EXAMPLE_BODIES['request.accepted'],
    ...overrides,
  };
}

/** What the receiver checks: the message as it decodes from the bytes on the wire. */
function received(message: object) {
  const subject = subjectFor({
    namespace: 'enf',
    to: 'yulin',
    from: 'xinzhou',
    type: 'request.accepted',
  });
  const decoded = decodeMessage(Buffer.from(JSON.stringify(message)), subject);
  if (!decoded.ok) throw new Error(decoded.rejection.detail);
  return decoded.message;
}

function registry(...keys: CourtKeyRecord[]): CourtKeyRegistry {
  return CourtKeyRegistry.from(keys);
}

const xinzhouRecord = (overrides: Partial<CourtKeyRecord> = {}): CourtKeyRecord => ({
  court: 'xinzhou',
  publicKey: xinzhouKey.publicKey,
  registeredAt: registeredAt.toISOString(),
  ...overrides,
});

describe('signing keys', () => {
  it('reads an nkeys user seed and derives the public key nkeys.js derives', () => {
    const { seed, key } = SigningKey.generate();
    expect(seed).toMatch(/^SU[A-Z2-7]{56}$/);
    expect(key.publicKey).toBe(fromSeed(new TextEncoder().encode(seed)).getPublicKey());
    expect(isSigningPublicKey(key.publicKey)).toBe(true);
  });

  it('signs so that nkeys.js verifies the canonical bytes', () => {
    const { seed, key } = SigningKey.generate();
    const signed = key.sign(envelope());
    expect(signed.signature).toEqual({
      keyId: key.publicKey,
      algorithm: 'ed25519',
      value: expect.stringMatching(/^[A-Za-z0-9+/]{86}==$/) as string,
    });
    const pair = fromSeed(new TextEncoder().encode(seed));
    expect(pair.verify(signedBytes(signed), Buffer.from(signed.signature.value, 'base64'))).toBe(
      true,
    );
  });

  it.each([
    ['garbage', 'not a seed'],
    ['a public key', xinzhouKey.publicKey],
    [
      'a seed with a mistyped character',
      SigningKey.generate().seed.replace(
        /^(.{10})(.)/,
        (_m, head: string, c: string) => head + (c === 'A' ? 'B' : 'A'),
      ),
    ],
  ])('refuses %s as a seed', (_case, seed) => {
    expect(() => SigningKey.fromSeed(seed)).toThrow();
  });

  it('accepts no public key but a well-formed user key', () => {
    expect(isSigningPublicKey(xinzhouKey.publicKey.replace(/^U/, 'A'))).toBe(false);
    expect(isSigningPublicKey(xinzhouKey.publicKey.slice(0, -1))).toBe(false);
    expect(isSigningPublicKey(42)).toBe(false);
  });

  it('verifies a signature whatever order the members travel in', () => {
    const signed = xinzhouKey.sign(envelope());
    const reordered = Object.fromEntries(Object.entries(signed).reverse());
    expect(isSignatureValid(reordered, signed.signature, xinzhouKey.publicKey)).toBe(true);
  });
});

describe('checking a message signature', () => {
  const storedAt = new Date('2025-06-01T01:30:01Z');
  const keys = registry(xinzhouRecord(), {
    court: 'ordos',
    publicKey: ordosKey.publicKey,
    registeredAt: registeredAt.toISOString(),
  });

  it('accepts a message signed by the sender’s registered key', () => {
    expect(checkSignature(received(xinzhouKey.sign(envelope())), keys, storedAt)).toEqual({
      valid: true,
      key: expect.objectContaining({ publicKey: xinzhouKey.publicKey }) as CourtKeyRecord,
    });
  });

  it.each([
    ['an unsigned message', () => envelope(), RejectionReason.UnsignedMessage, 'no signature'],
    [
      'a body changed after signing',
      () => {
        const signed = xinzhouKey.sign(envelope());
        return { ...signed, body: { ...signed.body, receivingCaseNumber: '(2024)陕08执他46号' } };
      },
      RejectionReason.BadSignature,
      'does not match',
    ],
    [
      'an envelope field changed after signing',
      () => ({
        ...xinzhouKey.sign(envelope()),
        causationId: '0190a3f0-5c00-7000-8000-000000000009',
      }),
      RejectionReason.BadSignature,
      'does not match',
    ],
    [
      'another court’s signature under the sender’s key id',
      () => {
        const forged = ordosKey.sign(envelope());
        return { ...forged, signature: { ...forged.signature, keyId: xinzhouKey.publicKey } };
      },
      RejectionReason.BadSignature,
      'does not match',
    ],
    [
      'another court’s key',
      () => ordosKey.sign(envelope()),
      RejectionReason.UnknownSigningKey,
      "is ordos's, not xinzhou's",
    ],
    [
      'a key nobody registered',
      () => SigningKey.generate().key.sign(envelope()),
      RejectionReason.UnknownSigningKey,
      'is not registered for xinzhou',
    ],
  ])('refuses %s', (_case, make, reason, detail) => {
    const check = checkSignature(received(make()), keys, storedAt);
    expect(check).toMatchObject({ valid: false, reason });
    expect(check.valid === false && check.detail).toContain(detail);
  });
});

describe('the registry’s rules over time', () => {
  const rotatedAt = new Date('2025-06-01T00:00:00Z');
  const revokedAt = new Date('2025-06-10T00:00:00Z');
  const at = (offsetMs: number) => new Date(rotatedAt.getTime() + offsetMs);

  it('keeps a rotated key valid for what it signed before the rotation and its grace', () => {
    const next = SigningKey.generate().key;
    const rotated = withKeyRotated([xinzhouRecord()], 'xinzhou', next.publicKey, rotatedAt, HOUR);
    const [old, current] = rotated;
    expect(old.retiredAt).toBe(at(HOUR).toISOString());
    expect(registry(...rotated).currentKeyOf('xinzhou')?.publicKey).toBe(next.publicKey);

    // Queued before the rotation, published a week later: still valid.
    expect(keyStanding(old, at(-1), at(7 * 24 * HOUR))).toEqual({ valid: true });
    expect(keyStanding(old, at(HOUR - 1), at(HOUR - 1))).toEqual({ valid: true });
    expect(keyStanding(old, at(HOUR), at(HOUR))).toMatchObject({
      valid: false,
      reason: RejectionReason.RetiredSigningKey,
    });
    expect(keyStanding(current, at(HOUR), at(HOUR))).toEqual({ valid: true });
  });

  it('refuses what a revoked key signed, unless both sent and stored before the revocation', () => {
    const [revoked] = withKeyRevoked(
      [xinzhouRecord()],
      xinzhouKey.publicKey,
      revokedAt,
      'laptop stolen',
    );
    const before = new Date(revokedAt.getTime() - 1);
    expect(keyStanding(revoked, before, before)).toEqual({ valid: true });
    // A thief writes any sentAt: the store time gives the late message away.
    expect(keyStanding(revoked, before, revokedAt)).toMatchObject({
      valid: false,
      reason: RejectionReason.RevokedSigningKey,
      detail: expect.stringContaining('laptop stolen') as string,
    });
    expect(keyStanding(revoked, revokedAt, before)).toMatchObject({ valid: false });
    expect(registry(revoked).currentKeyOf('xinzhou')).toBeUndefined();
  });

  it('refuses everything a compromised key signed when revoked from its registration', () => {
    const [revoked] = withKeyRevoked(
      [xinzhouRecord()],
      xinzhouKey.publicKey,
      registeredAt,
      'seed leaked',
    );
    expect(keyStanding(revoked, registeredAt, at(0))).toMatchObject({
      reason: RejectionReason.RevokedSigningKey,
    });
  });

  it('refuses changes that make no sense', () => {
    const next = SigningKey.generate().key.publicKey;
    expect(() => withKeyRegistered([xinzhouRecord()], 'xinzhou', next, rotatedAt)).toThrow(
      'rotate to the new key instead',
    );
    expect(() => withKeyRotated([], 'xinzhou', next, rotatedAt, HOUR)).toThrow('register one');
    expect(() =>
      withKeyRotated([xinzhouRecord()], 'xinzhou', xinzhouKey.publicKey, rotatedAt, HOUR),
    ).toThrow('registered already');
    const [revoked] = withKeyRevoked([xinzhouRecord()], xinzhouKey.publicKey, revokedAt, 'x');
    expect(() => withKeyRevoked([revoked], xinzhouKey.publicKey, revokedAt, 'x')).toThrow(
      'revoked already',
    );
    expect(withKeyRegistered([revoked], 'xinzhou', next, revokedAt)).toHaveLength(2);
  });

  it('refuses an invalid registry, naming each problem', () => {
    expect(() =>
      CourtKeyRegistry.from([
        xinzhouRecord(),
        xinzhouRecord(),
        { court: 'Ordos', publicKey: 'nope', registeredAt: 'yesterday' },
      ]),
    ).toThrow(
      /court must be[\s\S]*publicKey must be[\s\S]*registeredAt must be[\s\S]*registered twice/,
    );
  });
});

describe('the time window around the store time', () => {
  const window = { maxAgeMs: 720 * HOUR, maxClockSkewMs: 300_000 };
  const storedAt = new Date('2025-06-01T00:00:00Z');
  it.each([
    ['just sent', '2025-06-01T07:59:59+08:00', undefined],
    ['a little ahead of the server’s clock', '2025-06-01T00:05:00Z', undefined],
    ['queued 29 days by a court offline', '2025-05-03T00:00:00Z', undefined],
    ['dated in the future', '2025-06-01T00:05:01Z', 'after it was stored'],
    ['older than the limit', '2025-05-01T23:59:59Z', 'more than 720 hours before'],
  ])('%s', (_case, sentAt, problem) => {
    const found = timeWindowProblem(sentAt, storedAt, window);
    if (problem === undefined) expect(found).toBeUndefined();
    else expect(found).toContain(problem);
  });
});
