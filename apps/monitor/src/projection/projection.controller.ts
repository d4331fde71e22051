import { NatsConnectionService } from '@enforcement-link/messaging';
import { monitorEventsStreamName } from '@enforcement-link/protocol';
import { Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { MonitorEnvironment } from '../config/monitor.environment';
import { EventIngestion } from './event-ingestion.service';
import { Allow } from '@enforcement-link/platform';

export interface ProjectionStatus {
  stream: string;
  /** The last stream sequence applied to the projection. */
  position: number;
  /** The last sequence in the stream; undefined while NATS cannot be asked. */
  streamLastSequence?: number;
  /** Events in the stream not applied yet. */
  lag?: number;
}

@ApiTags('projection')
@Allow('command-centre-admin')
@Controller('api/projection')
export class ProjectionController {
  constructor(
    private readonly ingestion: EventIngestion,
    private readonly nats: NatsConnectionService,
    private readonly environment: MonitorEnvironment,
  ) {}

  @Get()
  @ApiOperation({ summary: 'How far the monitor has read the events stream' })
  @ApiOkResponse({ description: 'Position, the stream’s last sequence and the lag between them.' })
  async status(): Promise<ProjectionStatus> {
    const stream = monitorEventsStreamName(this.environment.NATS_NAMESPACE);
    const position = this.ingestion.position;
    const info = await this.nats
      .jetStreamManager()
      .then((manager) => manager.streams.info(stream))
      .catch(() => undefined);
    if (!info) return { stream, position };
    const streamLastSequence = info.state.last_seq;
    return {
      stream,
      position,
      streamLastSequence,
      lag: Math.max(0, streamLastSequence - position),
    };
  }

  @Post('rebuild')
  @HttpCode(202)
  @ApiOperation({
    summary: 'Forget the projection and read the events stream again from its start',
    description: 'Answers once the projection is emptied; it fills again in the background.',
  })
  @ApiAcceptedResponse({ description: 'Rebuilding.' })
  async rebuild(): Promise<ProjectionStatus> {
    await this.ingestion.rebuild();
    return this.status();
  }
}
