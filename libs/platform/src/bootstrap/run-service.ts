import { INestApplication } from '@nestjs/common';
import { ClassConstructor } from 'class-transformer';
import { ServiceEnvironment } from '../config/service-environment';
import { loadEnvironmentOrExit } from '../config/validate-environment';

/**
 * A service's entry point: validate the environment (exit 1 naming each bad variable), build
 * the app, listen, and close it gracefully on SIGTERM and SIGINT. The process owns its signals:
 * a host running several apps in one process (tests, the demo) closes them itself. A start that fails later (database owned by another service, a failing
 * migration) also ends with exit code 1 and the reason on stderr.
 */
export function runService<E extends ServiceEnvironment>(
  schema: ClassConstructor<E>,
  createApp: (environment: E) => Promise<INestApplication>,
): void {
  const environment = loadEnvironmentOrExit(schema);
  createApp(environment)
    .then((app) =>
      app.enableShutdownHooks(['SIGTERM', 'SIGINT']).listen(environment.PORT, environment.HOST),
    )
    .catch((error: unknown) => {
      const reason = error instanceof Error ? error.message : String(error);
      process.stderr.write(`Failed to start: ${reason}\n`);
      process.exit(1);
    });
}
