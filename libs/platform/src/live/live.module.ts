import { Controller, DynamicModule, MessageEvent, Module, Sse } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Observable } from 'rxjs';
import { LiveUpdates } from './live-updates';
import { AllowSignedIn } from '../auth/access.decorators';

export interface LiveOptions {
  /** The type of the events: what changed. */
  event: string;
  /** What an event says, for the OpenAPI document. */
  description: string;
}

/**
 * `GET /api/live`: server-sent events of one type whenever the service publishes a change to
 * the `LiveUpdates` this module provides to every other module.
 */
@Module({})
export class LiveModule {
  static forEvents(options: LiveOptions): DynamicModule {
    @ApiTags('live')
    @AllowSignedIn()
    @Controller('api/live')
    class LiveController {
      constructor(private readonly updates: LiveUpdates) {}

      @Sse()
      @ApiOperation({
        summary: `Server-sent events: \`${options.event}\` whenever it changed`,
        description: `${options.description} At most one a second; the stream ends when the service stops.`,
      })
      @ApiProduces('text/event-stream')
      @ApiOkResponse({ description: 'An endless event stream.' })
      stream(): Observable<MessageEvent> {
        return this.updates.stream(options.event);
      }
    }
    return {
      module: LiveModule,
      global: true,
      controllers: [LiveController],
      providers: [LiveUpdates],
      exports: [LiveUpdates],
    };
  }
}
