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
    summary: 'Server-sent events: `request` whenever a request or task of this court changed',
    description:
      'Each `request` event carries `{ "id": <request id>, "state": <its state> }` of the latest change; a page reloads what it shows. At most one a second.',
  })
  @ApiProduces('text/event-stream')
  @ApiOkResponse({ description: 'An endless event stream.' })
  stream(): Observable<MessageEvent> {
    return this.updates.stream('request');
  }
}
