import { DynamicModule, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { LogLevel } from '../config/service-environment';

/**
 * Structured JSON logs on stdout. `bindings` go on every line (service, court), so a line read
 * alone in a log store still says which node wrote it. Probes of `/health` are not logged: an
 * orchestrator polling them would drown the log.
 */
@Module({})
export class LoggingModule {
  static forRoot(level: LogLevel, bindings: Record<string, string>): DynamicModule {
    return {
      module: LoggingModule,
      imports: [
        LoggerModule.forRoot({
          pinoHttp: {
            level,
            base: bindings,
            redact: ['req.headers.authorization', 'req.headers.cookie'],
            autoLogging: { ignore: (request) => request.url?.startsWith('/health/') ?? false },
          },
        }),
      ],
    };
  }
}
