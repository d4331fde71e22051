import { Controller, Get, Query, UseInterceptors } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { CsvInterceptor } from '../common/csv.interceptor';
import { FiguresQuery, MonthlyReportQuery } from './figures.dto';
import { FiguresService } from './figures.service';
import { periodOfDays, periodOfMonth } from './period';
import { Allow } from '@enforcement-link/platform';

@ApiTags('figures')
@ApiProduces('application/json', 'text/csv')
@UseInterceptors(CsvInterceptor)
@Allow('command-centre-admin')
@Controller('api')
export class FiguresController {
  constructor(private readonly figures: FiguresService) {}

  @Get('figures')
  @ApiOperation({
    summary: 'Time limits kept, return rate, speed and money, per group',
    description:
      'For the requests sent between `from` and `to` (China Standard Time, both included; all when left out): `concluded` and `withinLimitShare` (concluded without ever passing a time limit), `returnRate` (returned among answered), median and p95 hours from sending to sign-in, acceptance and first result, `recoveredFen`, `transferredFen`, `confirmedFen`, `inTransitFen`, `paidOutFen` and `paidOutShare` (of the money confirmed), and `daysToPayoutMean`, `daysToPayoutMedian`, `daysToPayoutP95` (from a transfer’s arrival to the payout that paid its last fen).',
  })
  @ApiOkResponse({ description: 'The table, as JSON rows or CSV (`format=csv`).' })
  table(@Query() query: FiguresQuery): Promise<Record<string, unknown>[]> {
    return this.figures.figures(query.by, query, periodOfDays(query.from, query.to));
  }

  @Get('figures/return-reasons')
  @ApiOperation({ summary: 'Requests returned, per group and reason code' })
  @ApiOkResponse({ description: 'The table, as JSON rows or CSV (`format=csv`).' })
  returnReasons(@Query() query: FiguresQuery): Promise<Record<string, unknown>[]> {
    return this.figures.returnReasons(query.by, query, periodOfDays(query.from, query.to));
  }

  @Get('reports/monthly')
  @ApiOperation({
    summary: 'The monthly report: the figures of the requests sent in one month',
    description:
      'Per court by default (`by=province` for the provinces); the same columns as `/api/figures`.',
  })
  @ApiOkResponse({ description: 'The table, as JSON rows or CSV (`format=csv`).' })
  monthly(@Query() query: MonthlyReportQuery): Promise<Record<string, unknown>[]> {
    return this.figures.figures(query.by, query, periodOfMonth(query.month));
  }
}
