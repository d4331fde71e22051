import { FieldError, RequestState } from '@enforcement-link/protocol';
import type { TransferStatus } from '../funds/fund-transfer.entity';

/** Nothing of that kind with that id at this court (or not on the side asked about). */
export class RequestNotFound extends Error {
  constructor(what: string, id: string) {
    super(`no ${what} ${id} at this court`);
  }
}

/** The state of the request (or of the transfer) does not allow the action now. */
export class ActionNotAllowed extends Error {
  constructor(
    readonly state: RequestState | TransferStatus,
    detail: string,
  ) {
    super(detail);
  }
}

/** Input that is well-formed but refers to something this court will not act on. */
export class RequestRefused extends Error {
  constructor(readonly fieldErrors: FieldError[]) {
    super(fieldErrors.map((error) => `${error.field}: ${error.rule}`).join('; '));
  }
}
