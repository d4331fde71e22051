import {
  AssetSearchAnsweredBody,
  DelegationResultReportedBody,
  ExtensionRequestedBody,
  ProgressReportedBody,
  RequestAcceptedBody,
  RequestForwardedBody,
  RequestReturnedBody,
  SupplementRequestedBody,
} from '@enforcement-link/protocol';
import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { ListRequestsQuery } from '../requests/list-requests.query';
import {
  RequestDetailView,
  RequestPageView,
  RequestView,
  StateCountView,
} from '../requests/request.views';
import { RequestsService } from '../requests/requests.service';
import { AssignTaskDto } from './assign-task.dto';
import { TASKS, TasksService } from './tasks.service';
import { Allow } from '@enforcement-link/platform';
import { LISTED_DOCUMENT_REFUSED } from '../documents/document-store.service';

/** The receiving court's task inbox: asset searches and delegations other courts sent here. */
@ApiTags('tasks (received)')
@ApiBadRequestResponse({ description: 'A field broke a rule: `fieldErrors` names each' })
@ApiNotFoundResponse({ description: 'No task with this id at this court' })
@ApiConflictResponse({ description: 'The task’s state does not allow this now; `state` says why' })
@Allow('handler', 'court-admin')
@Controller('api/tasks')
export class TasksController {
  constructor(
    private readonly tasks: TasksService,
    private readonly requests: RequestsService,
  ) {}

  @Get()
  @ApiOperation({
    summary:
      'List tasks, newest first or by due date (`order=due`); filter by state, matter, court, handler, case number',
  })
  @ApiOkResponse({ type: RequestPageView })
  list(@Query() query: ListRequestsQuery): Promise<RequestPageView> {
    return this.requests.list(TASKS, query);
  }

  @Get('counts')
  @ApiOperation({ summary: 'How many tasks are in each state, and how many of those are late' })
  @ApiOkResponse({ type: [StateCountView] })
  counts(): Promise<StateCountView[]> {
    return this.requests.countByState(TASKS);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One task with its timeline' })
  @ApiOkResponse({ type: RequestDetailView })
  get(@Param('id', ParseUUIDPipe) id: string): Promise<RequestDetailView> {
    return this.requests.get(TASKS, id);
  }

  @Post(':id/assign')
  @HttpCode(200)
  @ApiOperation({ summary: 'Assign the task to a handler at this court' })
  @ApiOkResponse({ type: RequestView })
  assign(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() { assignee }: AssignTaskDto,
  ): Promise<RequestView> {
    return this.tasks.assign(id, assignee);
  }

  @Post(':id/accept')
  @HttpCode(200)
  @ApiOperation({ summary: 'Sign the task in under this court’s case number; the clock starts' })
  @ApiOkResponse({ type: RequestView })
  accept(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: RequestAcceptedBody,
  ): Promise<RequestView> {
    return this.requests.send(TASKS, id, 'request.accepted', body);
  }

  @Post(':id/return')
  @HttpCode(200)
  @ApiOperation({ summary: 'Return the task unhandled, with a reason code; final' })
  @ApiOkResponse({ type: RequestView })
  return(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: RequestReturnedBody,
  ): Promise<RequestView> {
    return this.requests.send(TASKS, id, 'request.returned', body);
  }

  @Post(':id/request-supplement')
  @HttpCode(200)
  @ApiOperation({ summary: 'Ask the requesting court for missing material' })
  @ApiOkResponse({ type: RequestView })
  requestSupplement(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: SupplementRequestedBody,
  ): Promise<RequestView> {
    return this.requests.send(TASKS, id, 'supplement.requested', body);
  }

  @Post(':id/report-progress')
  @HttpCode(200)
  @ApiOperation({ summary: 'Tell the requesting court where the work stands' })
  @ApiOkResponse({ type: RequestView })
  @ApiUnprocessableEntityResponse({ description: LISTED_DOCUMENT_REFUSED })
  reportProgress(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: ProgressReportedBody,
  ): Promise<RequestView> {
    return this.requests.send(TASKS, id, 'progress.reported', body);
  }

  @Post(':id/report-result')
  @HttpCode(200)
  @ApiOperation({ summary: 'Report a delegation’s result, measure by measure' })
  @ApiOkResponse({ type: RequestView })
  @ApiUnprocessableEntityResponse({ description: LISTED_DOCUMENT_REFUSED })
  reportResult(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: DelegationResultReportedBody,
  ): Promise<RequestView> {
    return this.requests.send(TASKS, id, 'delegation.result-reported', body);
  }

  @Post(':id/answer')
  @HttpCode(200)
  @ApiOperation({ summary: 'Answer an asset search by hand, category by category' })
  @ApiOkResponse({ type: RequestView })
  @ApiUnprocessableEntityResponse({ description: LISTED_DOCUMENT_REFUSED })
  answer(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: AssetSearchAnsweredBody,
  ): Promise<RequestView> {
    return this.requests.send(TASKS, id, 'asset-search.answered', body);
  }

  @Post(':id/request-extension')
  @HttpCode(200)
  @ApiOperation({ summary: 'Ask the requesting court for more time, with a reason' })
  @ApiOkResponse({ type: RequestView })
  requestExtension(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: ExtensionRequestedBody,
  ): Promise<RequestView> {
    return this.requests.send(TASKS, id, 'extension.requested', body);
  }

  @Post(':id/forward')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Pass the task to another court, which answers the requesting court directly',
  })
  @ApiOkResponse({ type: RequestView })
  @ApiUnprocessableEntityResponse({
    description: 'The court is unknown, is this court, or does not take on the matter',
  })
  forward(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: RequestForwardedBody,
  ): Promise<RequestView> {
    return this.tasks.forward(id, body);
  }
}
