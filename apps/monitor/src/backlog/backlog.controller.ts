import { Controller, Get, Query, UseInterceptors } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { CsvInterceptor } from '../common/csv.interceptor';
import { RequestTableQuery } from '../common/table.query';
import { BacklogHistoryQuery, OverdueQuery } from './backlog.dto';
import { BacklogDay, BacklogService, OverdueRequest } from './backlog.service';
import { Allow } from '@enforcement-link/platform';

@ApiTags('backlog')
@ApiProduces('application/json', 'text/csv')
@UseInterceptors(CsvInterceptor)
@Allow('command-centre-admin')
@Controller('api')
export class BacklogController {
  constructor(private readonly backlog: BacklogService) {}

  @Get('backlog')
  @ApiOperation({
    summary: 'Open requests by court, province, court pair, matter type or state',
    description:
      'One row per group (`by`): `open`, `overdue` (past their time limit), `escalated`, `oldestOpenedAt`. A request counts for the court that handles it.',
  })
  @ApiOkResponse({ description: 'The table, as JSON rows or CSV (`format=csv`).' })
  table(@Query() query: RequestTableQuery): Promise<Record<string, unknown>[]> {
    return this.backlog.backlog(query.by, query);
  }

  @Get('backlog/ageing')
  @ApiOperation({
    summary: 'Open requests by age since they were sent',
    description:
      'One row per group (`by`) with the counts of open requests aged 0–3 (`days0to3`), 4–7, 8–15, 16–30 and over 30 days (`over30Days`).',
  })
  @ApiOkResponse({ description: 'The table, as JSON rows or CSV (`format=csv`).' })
  ageing(@Query() query: RequestTableQuery): Promise<Record<string, unknown>[]> {
    return this.backlog.ageing(query.by, query);
  }

  @Get('backlog/history')
  @ApiOperation({
    summary: 'Open requests at the end of each of the last days, per group',
    description:
      'One row per day (China Standard Time, today last) and group (`by`): `day`, the group’s columns, `open`.',
  })
  @ApiOkResponse({ description: 'The table, as JSON rows or CSV (`format=csv`).' })
  history(@Query() query: BacklogHistoryQuery): Promise<BacklogDay[]> {
    return this.backlog.history(query.by, query, query.days);
  }

  @Get('overdue')
  @ApiOperation({
    summary: 'Open requests past their time limit, longest overdue first',
    description: 'Each row links to the request’s timeline at `/api/requests/{requestId}`.',
  })
  @ApiOkResponse({ description: 'The list, as JSON rows or CSV (`format=csv`).' })
  overdue(@Query() query: OverdueQuery): Promise<OverdueRequest[]> {
    return this.backlog.overdue(query, query);
  }
}
