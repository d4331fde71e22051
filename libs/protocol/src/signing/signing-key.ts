import { createUser, Prefix } from 'nkeys.js';
import { Codec } from 'nkeys.js/lib/codec';
import { createPrivateKey, createPublicKey, KeyObject, sign, verify } from 'node:crypto';
import { MessageSignature } from '../messages/envelope';
import { ruleDecorator } from '../validation/rule-decorator';
import { signedBytes } from './canonical-json';

/*
 * Keys are Ed25519 in the nkeys encoding NATS uses: a seed `SU...` (secret) and a public key
 * `U...`, base32 with a checksum, so a mistyped or truncated key is refused instead of used.
 * nkeys.js reads and writes that encoding; the signing itself is done by node's crypto, about
 * a hundred times faster than nkeys.js's pure-JavaScript Ed25519 (docs/PERFORMANCE.md).
 */

export const SIGNATURE_ALGORITHM = 'ed25519';
export const SIGNING_PUBLIC_KEY_RULE =
  'an Ed25519 public key in nkeys encoding: 56 characters starting with U';

/** The first bytes of a PKCS #8 document holding an Ed25519 seed (RFC 8410). */
const PKCS8_ED25519_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');
const text = new TextEncoder();
const publicKeyObjects = new Map<string, KeyObject>();

/** A court's private key, which signs every message its node sends. */
export class SigningKey {
  private constructor(
    /** The public half, `U...`: the key's id in the registry and in every signature. */
    readonly publicKey: string,
    private readonly privateKey: KeyObject,
  ) {}

  /** A new random key and its seed, the secret to keep in a file only the node can read. */
  static generate(): { seed: string; key: SigningKey } {
    const seed = new TextDecoder().decode(createUser().getSeed());
    return { seed, key: SigningKey.fromSeed(seed) };
  }

  /** Reads an nkeys user seed (`SU...`); throws saying why it is not one. */
  static fromSeed(seed: string): SigningKey {
    const decoded = Codec.decodeSeed(text.encode(seed.trim()));
    if (decoded.prefix !== Prefix.User) throw new Error('not an nkeys user seed (SU...)');
    const privateKey = createPrivateKey({
      key: Buffer.concat([PKCS8_ED25519_PREFIX, decoded.buf]),
      format: 'der',
      type: 'pkcs8',
    });
    const { x } = createPublicKey(privateKey).export({ format: 'jwk' });
    const rawPublicKey = Buffer.from(x ?? '', 'base64url');
    return new SigningKey(
      new TextDecoder().decode(Codec.encode(Prefix.User, rawPublicKey)),
      privateKey,
    );
  }

  /** The envelope with its `signature` (any previous one replaced). */
  sign<T extends object>(envelope: T): T & { signature: MessageSignature } {
    const value = sign(null, signedBytes(envelope), this.privateKey).toString('base64');
    return {
      ...envelope,
      signature: { keyId: this.publicKey, algorithm: SIGNATURE_ALGORITHM, value },
    };
  }
}

/** Whether `signature` is `publicKey`'s signature of the envelope's canonical bytes. */
export function isSignatureValid(
  envelope: object,
  signature: Pick<MessageSignature, 'value'>,
  publicKey: string,
): boolean {
  return verify(
    null,
    signedBytes(envelope),
    publicKeyObject(publicKey),
    Buffer.from(signature.value, 'base64'),
  );
}

export function isSigningPublicKey(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  try {
    Codec.decode(Prefix.User, text.encode(value));
    return true;
  } catch {
    return false;
  }
}

export const IsSigningPublicKey = ruleDecorator(
  'isSigningPublicKey',
  SIGNING_PUBLIC_KEY_RULE,
  isSigningPublicKey,
  { type: 'string', pattern: '^U[A-Z2-7]{55}$' },
);

/** Public keys come from the registry, a few per court: each is parsed once. */
function publicKeyObject(publicKey: string): KeyObject {
  let key = publicKeyObjects.get(publicKey);
  if (!key) {
    const raw = Buffer.from(Codec.decode(Prefix.User, text.encode(publicKey)));
    key = createPublicKey({
      key: { kty: 'OKP', crv: 'Ed25519', x: raw.toString('base64url') },
      format: 'jwk',
    });
    publicKeyObjects.set(publicKey, key);
  }
  return key;
}
