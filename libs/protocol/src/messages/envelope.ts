import { Nested } from '../validation/nested';

import { IsBase64, IsIn, IsObject, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { IsCourtCode } from '../courts/court-code';
import { OptionalField } from '../validation/optional-field';
import { IsTimestamp } from '../values/time';
import { Described } from '../validation/described';

/** The protocol version this library speaks: major.minor. */
export const PROTOCOL_VERSION = '1.0';
export const MESSAGE_TYPE_PATTERN = /^[a-z][a-z-]*(\.[a-z][a-z-]*)+$/;

@Described(
  'The sending court\'s Ed25519 signature over the message\'s canonical bytes: the envelope without `signature`, in RFC 8785 canonical JSON, UTF-8 (see docs/PROTOCOL.md, "Signatures").',
)
export class MessageSignature {
  /** The signing key's public key in nkeys encoding (`U...`), as the court key registry lists it. */
  @IsString()
  @MaxLength(128)
  keyId: string;

  @IsIn(['ed25519'], { message: 'ed25519' })
  algorithm: 'ed25519';

  /** Base64 of the 64-byte signature over the message's canonical bytes. */
  @IsBase64(undefined, { message: 'base64' })
  value: string;
}

@Described(
  'The part every message shares. A receiver reads it before the body to know who sent what, about which request, in answer to which message.',
)
export class Envelope {
  /** UUIDv7, unique per message; also sent as the `Nats-Msg-Id` header for de-duplication. */
  @IsUUID('7', { message: 'a UUIDv7' })
  id: string;

  /** Dotted past tense, e.g. `delegation.requested`. */
  @Matches(MESSAGE_TYPE_PATTERN, { message: 'a message type such as delegation.requested' })
  type: string;

  /** The protocol version the sender speaks, `major.minor`. */
  @Matches(/^[1-9]\d{0,3}\.\d{1,4}$/, { message: 'a version major.minor such as 1.0' })
  version: string;

  /** The sending court's code; must match the sender in the subject. */
  @IsCourtCode()
  from: string;

  /** The receiving court's code; must match the receiver in the subject. */
  @IsCourtCode()
  to: string;

  /** The asset search or delegation this message belongs to, as the requesting court named it. */
  @IsUUID('all', { message: 'a UUID' })
  requestId: string;

  /** The message this one answers, if any. */
  @OptionalField()
  @IsUUID('7', { message: 'a UUIDv7' })
  causationId?: string;

  @IsTimestamp()
  sentAt: string;

  @OptionalField()
  @Nested(() => MessageSignature)
  signature?: MessageSignature;

  /** The message's own content; its shape depends on `type`. */
  @IsObject({ message: 'a JSON object' })
  body: object;
}
