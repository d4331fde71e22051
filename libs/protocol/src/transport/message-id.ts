import { randomUUID } from 'node:crypto';

/**
 * A UUIDv7 (RFC 9562): 48 bits of Unix milliseconds, then random bits. Ids sort by creation
 * time, which keeps inbox and outbox indexes compact and makes logs readable in order. The
 * random bits are those of a version 4 UUID, whose variant bits are already the same: node
 * draws those from a pool, where asking for 16 random bytes each time costs a call into
 * OpenSSL per id.
 */
export function newMessageId(now: number = Date.now()): string {
  const random = randomUUID();
  const time = now.toString(16).padStart(12, '0');
  return `${time.slice(0, 8)}-${time.slice(8, 12)}-7${random.slice(15, 18)}-${random.slice(19)}`;
}
