import { CourtKeyRecord } from '@enforcement-link/protocol';

/** A key's standing in words: current, retired, or revoked and why. */
export function describeKey(key: CourtKeyRecord, now = new Date()): string {
  if (key.revokedAt !== undefined) {
    return `revoked since ${key.revokedAt}${key.revocationReason ? ` (${key.revocationReason})` : ''}`;
  }
  if (key.retiredAt !== undefined) {
    return new Date(key.retiredAt) <= now
      ? `retired at ${key.retiredAt}`
      : `replaced, valid until ${key.retiredAt}`;
  }
  return `current since ${key.registeredAt}`;
}
