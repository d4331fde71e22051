import { DecodedMessage } from '../codec/decode-message';
import { RejectionReason } from '../codec/rejection-reasons';
import { CourtKeyRecord, CourtKeyRegistry, keyStanding } from './court-keys';
import { isSignatureValid } from './signing-key';

export type SignatureCheck =
  | { valid: true; key: CourtKeyRecord }
  | { valid: false; reason: RejectionReason; detail: string; key?: CourtKeyRecord };

/**
 * Whether a decoded message is signed by a key the registry lists for its sender, over exactly
 * the content it arrived with, and whether that key could sign it when it was sent and stored
 * by JetStream (`storedAt`). The same rules serve the inbox, when a message arrives, and an
 * administrator re-checking a stored message years later.
 */
export function checkSignature(
  message: Pick<DecodedMessage, 'envelope' | 'raw'>,
  registry: CourtKeyRegistry,
  storedAt: Date,
): SignatureCheck {
  const { from, signature, sentAt } = message.envelope;
  if (!signature) {
    return { valid: false, reason: RejectionReason.UnsignedMessage, detail: 'no signature' };
  }
  const key = registry.find(signature.keyId);
  if (!key || key.court !== from) {
    return {
      valid: false,
      reason: RejectionReason.UnknownSigningKey,
      detail: key
        ? `key ${signature.keyId} is ${key.court}'s, not ${from}'s`
        : `key ${signature.keyId} is not registered for ${from}`,
    };
  }
  if (!isSignatureValid(message.raw, signature, key.publicKey)) {
    return {
      valid: false,
      reason: RejectionReason.BadSignature,
      detail: `the signature does not match the content for key ${key.publicKey} of ${from}`,
      key,
    };
  }
  const standing = keyStanding(key, new Date(sentAt), storedAt);
  return standing.valid ? { valid: true, key } : { ...standing, key };
}

/** How far `sentAt` may be from the moment JetStream stored a message. */
export interface TimeWindow {
  /** A court back from a long outage sends what it queued: this must outlast such outages. */
  maxAgeMs: number;
  /** Clocks of different courts differ a little. */
  maxClockSkewMs: number;
}

/**
 * Why a message's `sentAt` is outside the window around `storedAt`, or undefined when it is
 * inside. The store time comes from JetStream, not from the sender, so a sender can neither
 * date a message in the future nor have an old captured message count as new.
 */
export function timeWindowProblem(
  sentAt: string,
  storedAt: Date,
  window: TimeWindow,
): string | undefined {
  const sentMs = Date.parse(sentAt);
  const storedMs = storedAt.getTime();
  if (sentMs > storedMs + window.maxClockSkewMs) {
    return `sent at ${sentAt}, after it was stored (${storedAt.toISOString()}); at most ${window.maxClockSkewMs / 1000} s of clock difference is accepted`;
  }
  if (sentMs < storedMs - window.maxAgeMs) {
    return `sent at ${sentAt}, more than ${window.maxAgeMs / 3_600_000} hours before it was stored (${storedAt.toISOString()})`;
  }
  return undefined;
}
