import { Controller, Get, NotFoundException, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { MonitoredRequestsService, RequestTimeline } from './monitored-requests.service';
import { Allow } from '@enforcement-link/platform';

@ApiTags('requests')
@Allow('command-centre-admin')
@Controller('api/requests')
export class MonitoredRequestsController {
  constructor(private readonly requests: MonitoredRequestsService) {}

  @Get(':id')
  @ApiOperation({
    summary: 'One request: where it stands, its milestones and flags, and its timeline',
    description:
      'The timeline lists every event both courts published about the request, oldest first. No party names or identity numbers: the monitor never receives them.',
  })
  @ApiOkResponse({ description: 'The request and its timeline.' })
  @ApiNotFoundResponse({ description: 'No court has published anything about this request.' })
  async timeline(
    @Param('id', new ParseUUIDPipe({ version: undefined })) id: string,
  ): Promise<RequestTimeline> {
    const found = await this.requests.timeline(id);
    if (!found) throw new NotFoundException(`the monitor knows no request ${id}`);
    return found;
  }
}
