import { CourtKeyRegistryFollower } from '@enforcement-link/messaging';
import {
  checkSignature,
  CourtKeyRegistry,
  DecodedMessage,
  RejectionReason,
  SigningKey,
  TimeWindow,
  timeWindowProblem,
} from '@enforcement-link/protocol';
import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { CourtNodeEnvironment } from '../config/court-node.environment';
import { isReadableByOthers, loadSigningKey } from './signing-key-file';

/** Why an arriving message must be refused. */
export interface SignatureRefusal {
  reason: RejectionReason;
  detail: string;
}

/**
 * The court's side of message signatures: it signs every message the node sends with the
 * court's key, and judges every message that arrives against the court key registry and the
 * time window around the moment JetStream stored it. It also tells the operator when the
 * registry does not list the node's own key as its court's current one, because then other
 * courts refuse what the node sends.
 */
@Injectable()
export class MessageSignatures implements OnApplicationBootstrap {
  private readonly logger = new Logger(MessageSignatures.name);
  private readonly key?: SigningKey;
  private readonly window: TimeWindow;

  constructor(
    private readonly environment: CourtNodeEnvironment,
    private readonly keys: CourtKeyRegistryFollower,
  ) {
    const seedFile = environment.SIGNING_KEY_SEED_FILE;
    this.key = seedFile ? loadSigningKey(seedFile) : undefined;
    this.window = {
      maxAgeMs: environment.MESSAGE_MAX_AGE_HOURS * 3_600_000,
      maxClockSkewMs: environment.MESSAGE_MAX_CLOCK_SKEW_SECONDS * 1_000,
    };
  }

  onApplicationBootstrap(): void {
    const seedFile = this.environment.SIGNING_KEY_SEED_FILE;
    if (!this.key || !seedFile) {
      this.logger.warn(
        'MESSAGE_SIGNATURES=optional without SIGNING_KEY_SEED_FILE: messages go out unsigned',
      );
      return;
    }
    if (isReadableByOthers(seedFile)) {
      this.logger.warn(`${seedFile} can be read by others than its owner: chmod 600 it`);
    }
    this.keys.onChange((registry) => this.checkOwnKey(registry));
  }

  /** Whether arriving messages can be judged: the registry has been read. */
  get ready(): boolean {
    return this.keys.loaded;
  }

  /** The envelope as it goes out: signed, unless a rollout left this node without a key. */
  sign<T extends object>(envelope: T): T {
    return this.key ? this.key.sign(envelope) : envelope;
  }

  /**
   * Why the message must be refused, or undefined when it may be handled. Throws while the
   * registry has not been read yet: the message is to be tried again, not refused.
   */
  refusalOf(message: DecodedMessage, storedAt: Date): SignatureRefusal | undefined {
    const unsignedAllowed =
      this.environment.MESSAGE_SIGNATURES === 'optional' && !message.envelope.signature;
    if (!unsignedAllowed) {
      if (!this.keys.loaded) throw new Error('the court key registry has not been read yet');
      const check = checkSignature(message, this.keys.registry, storedAt);
      if (!check.valid) return check;
    }
    const problem = timeWindowProblem(message.envelope.sentAt, storedAt, this.window);
    return problem ? { reason: RejectionReason.OutsideTimeWindow, detail: problem } : undefined;
  }

  private checkOwnKey(registry: CourtKeyRegistry): void {
    if (!this.key) return;
    const court = this.environment.COURT_ID;
    const ours = registry.find(this.key.publicKey);
    const current = registry.currentKeyOf(court);
    const name = `this node's signing key ${this.key.publicKey}`;
    if (ours?.court === court && current === ours) {
      this.logger.log(`${name} is ${court}'s current key`);
      return;
    }
    const problem = !ours
      ? 'is not in the court key registry'
      : ours.court !== court
        ? `is registered for ${ours.court}`
        : ours.revokedAt !== undefined
          ? `was revoked at ${ours.revokedAt}`
          : `was replaced by ${current?.publicKey ?? 'another key'}; what it signs from ${ours.retiredAt} on is refused`;
    this.logger.warn(
      `${name} ${problem}: other courts refuse messages it signs while that lasts (docs/OPERATIONS.md, "Signing keys")`,
    );
  }
}
