import { plainToInstance } from 'class-transformer';
import { IsString, MaxLength, validateSync } from 'class-validator';
import { RejectionReason } from '../codec/rejection-reasons';
import { IsCourtCode } from '../courts/court-code';
import { Described } from '../validation/described';
import { OptionalField } from '../validation/optional-field';
import { IsTimestamp } from '../values/time';
import { IsSigningPublicKey } from './signing-key';

@Described(
  "One signing key of a court, as the network's administrators registered it. The registry keeps every key a court ever had, so a message signed long ago can still be checked; a key is never deleted, only retired (replaced by a newer one) or revoked (no longer trusted).",
)
export class CourtKeyRecord {
  /** The court whose messages the key signs. */
  @IsCourtCode()
  court: string;

  /** The Ed25519 public key in nkeys encoding (`U...`); also the key's id in `signature.keyId`. */
  @IsSigningPublicKey()
  publicKey: string;

  @IsTimestamp()
  registeredAt: string;

  /**
   * When the court's next key took over, plus a grace period for nodes still signing with this
   * one: a message it signed counts only if sent before then.
   */
  @OptionalField()
  @IsTimestamp()
  retiredAt?: string;

  /**
   * From when the key is not trusted: a message it signed counts only if it was both sent and
   * stored by JetStream before then. A compromised key is revoked from the moment it may have
   * leaked, or from its registration to refuse everything it ever signed.
   */
  @OptionalField()
  @IsTimestamp()
  revokedAt?: string;

  @OptionalField()
  @IsString()
  @MaxLength(500)
  revocationReason?: string;
}

/** Whether a key could sign a given message, by the registry's rules. */
export type KeyStanding =
  | { valid: true }
  | {
      valid: false;
      reason: RejectionReason.RevokedSigningKey | RejectionReason.RetiredSigningKey;
      detail: string;
    };

/**
 * The network's court signing keys as a node knows them: every court's current, retired and
 * revoked keys, looked up by public key.
 */
export class CourtKeyRegistry {
  private readonly byPublicKey: ReadonlyMap<string, CourtKeyRecord>;

  private constructor(readonly all: readonly CourtKeyRecord[]) {
    this.byPublicKey = new Map(all.map((key) => [key.publicKey, key]));
  }

  static readonly EMPTY = new CourtKeyRegistry([]);

  /** Validates every record; throws listing every problem. */
  static from(records: unknown[]): CourtKeyRegistry {
    const keys = records.map((record) => plainToInstance(CourtKeyRecord, record));
    const problems = keys.flatMap((key, i) =>
      validateSync(key, { whitelist: true, forbidNonWhitelisted: true }).map(
        (error) =>
          `key ${i} (${String(key.publicKey)}): ${error.property} must be ${Object.values(error.constraints ?? {}).join('; ')}`,
      ),
    );
    const seen = new Set<string>();
    for (const key of keys) {
      if (seen.has(key.publicKey)) problems.push(`${key.publicKey}: registered twice`);
      seen.add(key.publicKey);
    }
    if (problems.length > 0) throw new Error(`invalid court key registry:\n${problems.join('\n')}`);
    return new CourtKeyRegistry(keys);
  }

  find(publicKey: string): CourtKeyRecord | undefined {
    return this.byPublicKey.get(publicKey);
  }

  keysOf(court: string): CourtKeyRecord[] {
    return this.all.filter((key) => key.court === court);
  }

  /** The key `court` signs with now: its latest key neither retired nor revoked. */
  currentKeyOf(court: string): CourtKeyRecord | undefined {
    return currentKey(this.keysOf(court));
  }
}

/**
 * Whether `key` could sign a message sent at `sentAt` (as the signed envelope says) and stored
 * by JetStream at `storedAt`. A retired key is judged by `sentAt` alone: its court is still the
 * only holder, and a message it queued while offline stays valid however late it goes out. A
 * revoked key may be in other hands, who can write any `sentAt`: it needs both times before
 * the revocation.
 */
export function keyStanding(key: CourtKeyRecord, sentAt: Date, storedAt: Date): KeyStanding {
  if (key.revokedAt !== undefined) {
    const revokedAt = new Date(key.revokedAt);
    if (sentAt >= revokedAt || storedAt >= revokedAt) {
      return {
        valid: false,
        reason: RejectionReason.RevokedSigningKey,
        detail: `key ${key.publicKey} of ${key.court} is revoked since ${key.revokedAt}${key.revocationReason ? ` (${key.revocationReason})` : ''}`,
      };
    }
  }
  if (key.retiredAt !== undefined && sentAt >= new Date(key.retiredAt)) {
    return {
      valid: false,
      reason: RejectionReason.RetiredSigningKey,
      detail: `key ${key.publicKey} of ${key.court} was replaced at ${key.retiredAt}; the message says it was sent at ${sentAt.toISOString()}`,
    };
  }
  return { valid: true };
}

/*
 * How administrators change one court's keys. Each takes the court's records and returns them
 * changed, or throws saying why the change makes no sense; the registry bucket stores the result.
 */

/** A court's first key, or a key for a court whose keys were all revoked. */
export function withKeyRegistered(
  keys: CourtKeyRecord[],
  court: string,
  publicKey: string,
  at: Date,
): CourtKeyRecord[] {
  refuseKnownKey(keys, publicKey);
  const current = currentKey(keys);
  if (current) {
    throw new Error(
      `${court} already signs with ${current.publicKey}: rotate to the new key instead`,
    );
  }
  return [...keys, { court, publicKey, registeredAt: at.toISOString() }];
}

/** `publicKey` becomes the court's key; the one it replaces stays valid for `graceMs`. */
export function withKeyRotated(
  keys: CourtKeyRecord[],
  court: string,
  publicKey: string,
  at: Date,
  graceMs: number,
): CourtKeyRecord[] {
  refuseKnownKey(keys, publicKey);
  const current = currentKey(keys);
  if (!current) throw new Error(`${court} has no current key to rotate: register one`);
  const retiredAt = new Date(at.getTime() + graceMs).toISOString();
  return [
    ...keys.map((key) => (key === current ? { ...key, retiredAt } : key)),
    { court, publicKey, registeredAt: at.toISOString() },
  ];
}

/** Stops trusting `publicKey` from `since` on. */
export function withKeyRevoked(
  keys: CourtKeyRecord[],
  publicKey: string,
  since: Date,
  reason: string,
): CourtKeyRecord[] {
  const revoked = keys.find((key) => key.publicKey === publicKey);
  if (!revoked) throw new Error(`${publicKey} is not a key of this court`);
  if (revoked.revokedAt !== undefined) {
    throw new Error(`${publicKey} is revoked already, since ${revoked.revokedAt}`);
  }
  return keys.map((key) =>
    key === revoked
      ? { ...key, revokedAt: since.toISOString(), revocationReason: reason.slice(0, 500) }
      : key,
  );
}

function currentKey(keys: readonly CourtKeyRecord[]): CourtKeyRecord | undefined {
  return keys
    .filter((key) => key.retiredAt === undefined && key.revokedAt === undefined)
    .sort((a, b) => Date.parse(b.registeredAt) - Date.parse(a.registeredAt))[0];
}

function refuseKnownKey(keys: CourtKeyRecord[], publicKey: string): void {
  if (keys.some((key) => key.publicKey === publicKey)) {
    throw new Error(`${publicKey} is registered already`);
  }
}
