import { DynamicModule, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { Store, storage } from 'nestjs-pino/storage';
import pino, { Logger } from 'pino';
import { LogLevel } from '../config/service-environment';
import { maskIdentityNumbers } from './mask-identity-numbers';

/**
 * A service's JSON logger on stdout. `bindings` go on every line (service, court), so a line
 * read alone in a log store still says which node wrote it. Identity numbers are masked.
 */
export function serviceLogger(level: LogLevel, bindings: Record<string, string>): Logger {
  return pino({
    level,
    base: bindings,
    redact: ['req.headers.authorization', 'req.headers.cookie'],
    // A party's identity number never reaches the log store whole, wherever it appears.
    hooks: { streamWrite: maskIdentityNumbers },
  });
}

/**
 * Runs `start` with `logger` as the logger of everything it sets going: NATS consumers, timers,
 * migrations. The NestJS logger is one per process; this is how several services in one
 * process (the demo, tests) still write each line under their own name.
 */
export function runWithServiceLogger<T>(logger: Logger, start: () => Promise<T>): Promise<T> {
  return storage.run(new Store(logger), start);
}

/** Probes of `/health` are not logged: an orchestrator polling them would drown the log. */
@Module({})
export class LoggingModule {
  static forRoot(logger: Logger): DynamicModule {
    return {
      module: LoggingModule,
      imports: [
        LoggerModule.forRoot({
          pinoHttp: {
            logger,
            autoLogging: { ignore: (request) => request.url?.startsWith('/health/') ?? false },
          },
        }),
      ],
    };
  }
}
