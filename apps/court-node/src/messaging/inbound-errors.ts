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
