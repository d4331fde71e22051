/**
 * Why a court refused a message at the transport level. The receiver stores the message with
 * its reason and answers the sender with `message.rejected` carrying one of these codes.
 */
export enum RejectionReason {
  /** Larger than MAX_MESSAGE_BYTES; documents travel separately, never inside a message. */
  MessageTooLarge = 'MESSAGE_TOO_LARGE',
  /** Not UTF-8, not JSON, or not a JSON object. */
  MalformedJson = 'MALFORMED_JSON',
  /** Objects and arrays nested deeper than MAX_NESTING_DEPTH. */
  NestingTooDeep = 'NESTING_TOO_DEEP',
  /** An envelope field is missing, malformed or unknown. */
  InvalidEnvelope = 'INVALID_ENVELOPE',
  /** The envelope's major version is not one this court speaks. */
  UnsupportedVersion = 'UNSUPPORTED_VERSION',
  /** The envelope names a message type this protocol version does not define. */
  UnknownMessageType = 'UNKNOWN_MESSAGE_TYPE',
  /** The envelope's receiving court or type differs from the subject it arrived on. */
  SubjectMismatch = 'SUBJECT_MISMATCH',
  /** The envelope's sending court differs from the sender named by the subject. */
  SenderMismatch = 'SENDER_MISMATCH',
  /** A body field is missing, malformed or unknown. */
  InvalidBody = 'INVALID_BODY',
  /** A follow-up message about a request this court has no record of. */
  UnknownRequest = 'UNKNOWN_REQUEST',
  /** The sender is not a court of the request it writes about. */
  NotAParty = 'NOT_A_PARTY',
  /** The request's lifecycle does not allow this message from this sender in its state. */
  NotAllowedInState = 'NOT_ALLOWED_IN_STATE',
  /** A document the message lists is missing or does not match its size and SHA-256. */
  DocumentUnavailable = 'DOCUMENT_UNAVAILABLE',
  /** A receipt confirmation names a bank reference the court never transferred on the request. */
  UnknownTransfer = 'UNKNOWN_TRANSFER',
  /** The message has no `signature`, and this court requires every message to be signed. */
  UnsignedMessage = 'UNSIGNED_MESSAGE',
  /**
   * The signature does not verify with the key it names: the message was changed after signing,
   * or signed with another key than the one named. A receiver cannot tell the two apart.
   */
  BadSignature = 'BAD_SIGNATURE',
  /** The signature names a key the registry does not list for the sending court. */
  UnknownSigningKey = 'UNKNOWN_SIGNING_KEY',
  /** Signed with a key revoked before the message was sent or stored. */
  RevokedSigningKey = 'REVOKED_SIGNING_KEY',
  /** Signed with a key that had been replaced (rotated) before the message was sent. */
  RetiredSigningKey = 'RETIRED_SIGNING_KEY',
  /** The id of a message this court already has, with other content: a replay or a forgery. */
  ReplayedMessageId = 'REPLAYED_MESSAGE_ID',
  /** `sentAt` too long before, or too far after, the moment JetStream stored the message. */
  OutsideTimeWindow = 'OUTSIDE_TIME_WINDOW',
}

export const MAX_MESSAGE_BYTES = 256 * 1024;
export const MAX_NESTING_DEPTH = 16;
