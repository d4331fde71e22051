import {
  RequestKind,
  RequestWithdrawnBody,
  ResultConfirmedBody,
  ResultDisputedBody,
  SupplementProvidedBody,
} from '@enforcement-link/protocol';
import { Body, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Type } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { ListRequestsQuery } from './list-requests.query';
import { RequestDetailView, RequestPageView, RequestView } from './request.views';
import { RequestsService } from './requests.service';
import { Allow } from '@enforcement-link/platform';
import { LISTED_DOCUMENT_REFUSED } from '../documents/document-store.service';

/**
 * What the requesting court does with requests it sent, the same for asset searches and
 * delegations: list, read with the timeline, withdraw, provide a supplement, confirm or dispute
 * the result. Each resource's controller extends the class made for its kind.
 */
export function RequesterActionsController(
  kind: RequestKind,
  noun: string,
): Type<{ readonly requests: RequestsService }> {
  const scope = { side: 'requesting', kind } as const;

  @ApiBadRequestResponse({ description: 'A field broke a rule: `fieldErrors` names each' })
  @ApiNotFoundResponse({ description: `No ${noun} with this id was sent by this court` })
  @Allow('clerk', 'court-admin')
  class RequesterActions {
    constructor(readonly requests: RequestsService) {}

    @Get()
    @ApiOperation({ summary: `List ${noun}s this court sent, newest first` })
    @ApiOkResponse({ type: RequestPageView })
    list(@Query() query: ListRequestsQuery): Promise<RequestPageView> {
      return this.requests.list(scope, query);
    }

    @Get(':id')
    @ApiOperation({ summary: `One ${noun} with its timeline: every message in and out` })
    @ApiOkResponse({ type: RequestDetailView })
    get(@Param('id', ParseUUIDPipe) id: string): Promise<RequestDetailView> {
      return this.requests.get(scope, id);
    }

    @Post(':id/withdraw')
    @HttpCode(200)
    @ApiOperation({ summary: `Withdraw the ${noun} (any open state)` })
    @ApiOkResponse({ type: RequestView })
    @ApiConflictResponse({
      description: 'Already closed, returned or withdrawn; `state` says which',
    })
    withdraw(
      @Param('id', ParseUUIDPipe) id: string,
      @Body() body: RequestWithdrawnBody,
    ): Promise<RequestView> {
      return this.requests.send(scope, id, 'request.withdrawn', body);
    }

    @Post(':id/supplement')
    @HttpCode(200)
    @ApiOperation({ summary: 'Provide the material the receiving court asked for' })
    @ApiOkResponse({ type: RequestView })
    @ApiConflictResponse({ description: 'No supplement is awaited; `state` says where it stands' })
    @ApiUnprocessableEntityResponse({ description: LISTED_DOCUMENT_REFUSED })
    supplement(
      @Param('id', ParseUUIDPipe) id: string,
      @Body() body: SupplementProvidedBody,
    ): Promise<RequestView> {
      return this.requests.send(scope, id, 'supplement.provided', body);
    }

    @Post(':id/confirm')
    @HttpCode(200)
    @ApiOperation({ summary: 'Accept the reported result; closes the request' })
    @ApiOkResponse({ type: RequestView })
    @ApiConflictResponse({ description: 'No result to confirm; `state` says where it stands' })
    confirm(
      @Param('id', ParseUUIDPipe) id: string,
      @Body() body: ResultConfirmedBody,
    ): Promise<RequestView> {
      return this.requests.send(scope, id, 'result.confirmed', body);
    }

    @Post(':id/dispute')
    @HttpCode(200)
    @ApiOperation({ summary: 'Refuse the reported result with a reason; work resumes' })
    @ApiOkResponse({ type: RequestView })
    @ApiConflictResponse({ description: 'No result to dispute; `state` says where it stands' })
    dispute(
      @Param('id', ParseUUIDPipe) id: string,
      @Body() body: ResultDisputedBody,
    ): Promise<RequestView> {
      return this.requests.send(scope, id, 'result.disputed', body);
    }
  }
  return RequesterActions;
}
