import { DecodedMessage } from '@enforcement-link/protocol';
import { Controller, UseFilters } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { InboundErrorsPassThrough } from '../messaging/inbound-errors.filter';
import { InboundMessageContext } from '../messaging/inbound-message.context';
import { FundsService } from './funds.service';

/** Transfers to this court's case accounts, and confirmations of transfers it made. */
@Controller()
@UseFilters(InboundErrorsPassThrough)
export class FundsHandler {
  constructor(private readonly funds: FundsService) {}

  @EventPattern('funds.transferred')
  transferred(
    @Payload() message: DecodedMessage,
    @Ctx() context: InboundMessageContext,
  ): Promise<void> {
    return this.funds.receiveTransfer(context.manager, message);
  }

  @EventPattern('funds.receipt-confirmed')
  receiptConfirmed(
    @Payload() message: DecodedMessage,
    @Ctx() context: InboundMessageContext,
  ): Promise<void> {
    return this.funds.receiveConfirmation(context.manager, message);
  }
}
