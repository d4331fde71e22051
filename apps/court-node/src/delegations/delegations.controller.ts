import { ExtensionDecidedBody } from '@enforcement-link/protocol';
import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiConflictResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { RequesterActionsController } from '../requests/requester-actions.controller';
import { RequestView } from '../requests/request.views';
import { CreateDelegationDto } from './create-delegation.dto';
import { Allow } from '@enforcement-link/platform';
import { LISTED_DOCUMENT_REFUSED } from '../documents/document-store.service';

@ApiTags('delegations (sent)')
@Allow('clerk', 'court-admin')
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
    description: `The receiving court is unknown, is this court, or does not take on the matter. Or: ${LISTED_DOCUMENT_REFUSED}`,
  })
  create(@Body() { receivingCourt, ...body }: CreateDelegationDto): Promise<RequestView> {
    return this.requests.createDelegation(receivingCourt, body);
  }

  @Post(':id/decide-extension')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Grant or refuse the receiving court’s request for more time',
    description:
      'A grant without `newDueDate` extends the current due date by the days asked for. The ' +
      'new due date applies at both courts.',
  })
  @ApiOkResponse({ type: RequestView })
  @ApiConflictResponse({ description: 'Nothing to decide in this state; `state` says why' })
  decideExtension(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() decision: ExtensionDecidedBody,
  ): Promise<RequestView> {
    return this.requests.decideExtension(id, decision);
  }
}
