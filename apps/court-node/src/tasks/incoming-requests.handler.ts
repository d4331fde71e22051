import { DecodedMessage } from '@enforcement-link/protocol';
import { Controller, UseFilters } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { InboundErrorsPassThrough } from '../messaging/inbound-errors.filter';
import { InboundMessageContext } from '../messaging/inbound-message.context';
import { TasksService } from './tasks.service';

/** New requests from other courts become tasks. */
@Controller()
@UseFilters(InboundErrorsPassThrough)
export class IncomingRequestsHandler {
  constructor(private readonly tasks: TasksService) {}

  @EventPattern(['asset-search.requested', 'delegation.requested'])
  receive(
    @Payload() message: DecodedMessage,
    @Ctx() context: InboundMessageContext,
  ): Promise<void> {
    return this.tasks.receive(context.manager, message);
  }
}
