import { FieldError, RejectionReason } from '@enforcement-link/protocol';

/**
 * A handler's verdict that a valid message cannot be applied yet, typically because it overtook
 * a message it depends on (a result before the acceptance). It is delivered again after a delay;
 * if it still does not apply after the last delivery, it is rejected with `reason`.
 */
export class MessageNotApplicableYet extends Error {
  constructor(
    readonly reason: RejectionReason,
    detail: string,
  ) {
    super(detail);
  }
}

/** A handler's verdict that a message breaks the protocol: it is stored, rejected and dropped. */
export class ProtocolViolation extends Error {
  constructor(
    readonly reason: RejectionReason,
    detail: string,
    readonly fieldErrors: FieldError[] = [],
  ) {
    super(detail);
  }
}

/**
 * A message refused because its sender or its content cannot be trusted: unsigned, badly signed,
 * signed by a key not valid for it, outside the time window, or an id this court already holds
 * with other content. It is stored as evidence under an id of its own, derived from its bytes,
 * so it can never take the place of the genuine message with the id it claims.
 */
export class UntrustedMessage extends ProtocolViolation {}
