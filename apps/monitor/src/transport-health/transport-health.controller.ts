import { Controller, Get, Query, UseInterceptors } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { CsvInterceptor } from '../common/csv.interceptor';
import { ExportableQuery } from '../common/table.query';
import { CourtNodeHealth, TransportHealthService } from './transport-health.service';
import { Allow } from '@enforcement-link/platform';

@ApiTags('transport')
@ApiProduces('application/json', 'text/csv')
@UseInterceptors(CsvInterceptor)
@Allow('command-centre-admin')
@Controller('api/transport')
export class TransportHealthController {
  constructor(private readonly health: TransportHealthService) {}

  @Get('court-nodes')
  @ApiOperation({
    summary: 'Each court node’s last heartbeat: dead letters, consumer lag, outbox, last seen',
    description:
      '`silent` when no heartbeat came for three intervals (or ever). `consumerPending` counts messages waiting for the court in its JetStream consumer; `outboxPending` messages it has not published yet.',
  })
  @ApiOkResponse({ description: 'The table, as JSON rows or CSV (`format=csv`).' })
  courtNodes(@Query() _query: ExportableQuery): Promise<CourtNodeHealth[]> {
    return this.health.courtNodes();
  }
}
