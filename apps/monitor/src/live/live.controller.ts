import { LiveUpdates } from '@enforcement-link/platform';
import { Controller, MessageEvent, Sse } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Observable } from 'rxjs';

@ApiTags('live')
@Controller('api/live')
export class LiveController {
  constructor(private readonly updates: LiveUpdates) {}

  @Sse()
  @ApiOperation({
    summary: 'Server-sent events: `projection` whenever the figures changed',
    description:
      'Each `projection` event carries `{ "position": <stream sequence> }`; a page reloads what it shows. At most one a second.',
  })
  @ApiProduces('text/event-stream')
  @ApiOkResponse({ description: 'An endless event stream.' })
  stream(): Observable<MessageEvent> {
    return this.updates.stream('projection');
  }
}
