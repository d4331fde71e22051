import { Controller, MessageEvent, Sse } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { auditTime, interval, map, merge, Observable } from 'rxjs';
import { ProjectionUpdates } from './projection-updates';

/** At most one update a second, however fast events arrive. */
const UPDATE_EVERY_MS = 1_000;
/** A comment line now and then keeps proxies from closing a quiet stream. */
const KEEP_ALIVE_MS = 15_000;

@ApiTags('live')
@Controller('api/live')
export class LiveController {
  constructor(private readonly updates: ProjectionUpdates) {}

  @Sse()
  @ApiOperation({
    summary: 'Server-sent events: `projection` whenever the figures changed',
    description:
      'Each `projection` event carries `{ "position": <stream sequence> }`; a page reloads what it shows. At most one a second.',
  })
  @ApiProduces('text/event-stream')
  @ApiOkResponse({ description: 'An endless event stream.' })
  stream(): Observable<MessageEvent> {
    return this.updates.untilStopped(
      merge(
        this.updates.positions.pipe(
          auditTime(UPDATE_EVERY_MS),
          map((position) => ({ type: 'projection', data: { position } })),
        ),
        interval(KEEP_ALIVE_MS).pipe(map(() => ({ type: 'keep-alive', data: {} }))),
      ),
    );
  }
}
