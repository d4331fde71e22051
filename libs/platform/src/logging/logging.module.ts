import { DynamicModule, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { LogLevel } from '../config/service-environment';
import { maskIdentityNumbers } from './mask-identity-numbers';

/**
 * Structured JSON logs on stdout. `bindings` go on every line (service, court), so a line read
 * alone in a log store still says which node wrote it. Identity numbers are masked. Probes of `/health` are not logged: an
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
            // A party's identity number never reaches the log store whole, wherever it appears.
            hooks: { streamWrite: maskIdentityNumbers },
            autoLogging: { ignore: (request) => request.url?.startsWith('/health/') ?? false },
          },
        }),
      ],
    };
  }
}
