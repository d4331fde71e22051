import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { RequesterActionsController } from '../requests/requester-actions.controller';
import { RequestView } from '../requests/request.views';
import { CreateDelegationDto } from './create-delegation.dto';

@ApiTags('delegations (sent)')
@Controller('api/delegations')
export class DelegationsController extends RequesterActionsController('delegation', 'delegation') {
  @Post()
  @HttpCode(202)
  @ApiOperation({
    summary: 'Delegate one enforcement matter to another court',
    description:
      'Stored at once and answered 202 with the new delegation; the message goes out to the ' +
      'receiving court asynchronously, and later messages appear on its timeline.',
  })
  @ApiAcceptedResponse({ type: RequestView })
  @ApiUnprocessableEntityResponse({
    description: 'The receiving court is unknown, is this court, or does not take on the matter',
  })
  create(@Body() { receivingCourt, ...body }: CreateDelegationDto): Promise<RequestView> {
    return this.requests.createDelegation(receivingCourt, body);
  }
}
