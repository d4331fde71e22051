import {
  DecodedMessage,
  ProtocolRejectionBody,
  TransportReceiptBody,
} from '@enforcement-link/protocol';
import { Controller, UseFilters } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { InboundErrorsPassThrough } from '../messaging/inbound-errors.filter';
import { InboundMessageContext } from '../messaging/inbound-message.context';
import { RequestLifecycle } from './request-lifecycle.service';

/** Every message about a request that already exists, from either side. */
@Controller()
@UseFilters(InboundErrorsPassThrough)
export class RequestMessagesHandler {
  constructor(private readonly lifecycle: RequestLifecycle) {}

  @EventPattern([
    'request.accepted',
    'request.returned',
    'request.withdrawn',
    'request.forwarded',
    'request.reminded',
    'supplement.requested',
    'supplement.provided',
    'progress.requested',
    'progress.reported',
    'extension.requested',
    'extension.decided',
    'asset-search.answered',
    'delegation.result-reported',
    'result.confirmed',
    'result.disputed',
    'status.queried',
    'status.reported',
  ])
  async receive(
    @Payload() message: DecodedMessage,
    @Ctx() context: InboundMessageContext,
  ): Promise<void> {
    await this.lifecycle.receive(context.manager, message);
  }

  @EventPattern('message.delivered')
  receipt(
    @Payload() message: DecodedMessage,
    @Ctx() context: InboundMessageContext,
  ): Promise<void> {
    return this.lifecycle.recordReceipt(context.manager, message.body as TransportReceiptBody);
  }

  @EventPattern('message.rejected')
  rejection(
    @Payload() message: DecodedMessage,
    @Ctx() context: InboundMessageContext,
  ): Promise<void> {
    return this.lifecycle.recordRejection(
      context.manager,
      message.envelope,
      message.body as ProtocolRejectionBody,
    );
  }
}
