import { DecodedMessage } from '@enforcement-link/protocol';
import { Controller, UseFilters } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { InboundErrorsPassThrough } from '../messaging/inbound-errors.filter';
import { InboundMessageContext } from '../messaging/inbound-message.context';
import { SupervisionService } from './supervision.service';

@Controller()
@UseFilters(InboundErrorsPassThrough)
export class SupervisionHandler {
  constructor(private readonly supervision: SupervisionService) {}

  @EventPattern('request.escalated')
  escalated(
    @Payload() message: DecodedMessage,
    @Ctx() context: InboundMessageContext,
  ): Promise<void> {
    return this.supervision.receive(context.manager, message);
  }
}
