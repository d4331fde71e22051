import { DecodedMessage } from '@enforcement-link/protocol';
import { BaseRpcContext } from '@nestjs/microservices';
import { EntityManager } from 'typeorm';

/**
 * What a court-message handler receives beside the message: the transaction its effects must be
 * written in. The inbox row and the transport receipt are written in the same transaction, and
 * the message is acknowledged only after it commits.
 */
export class InboundMessageContext extends BaseRpcContext<[DecodedMessage, EntityManager]> {
  get message(): DecodedMessage {
    return this.args[0];
  }

  get manager(): EntityManager {
    return this.args[1];
  }
}
