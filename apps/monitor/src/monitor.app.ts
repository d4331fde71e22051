import {
  createHttpApp,
  runWithServiceLogger,
  serveWebApp,
  serviceLogger,
} from '@enforcement-link/platform';
import { INestApplication } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import { AppModule } from './app.module';
import { MonitorEnvironment } from './config/monitor.environment';

/**
 * The monitor: its API, its projection of the network's events, and the web dashboard;
 * started (its projection following the network), for the caller to listen.
 */
export function createMonitorApp(environment: MonitorEnvironment): Promise<INestApplication> {
  const logger = serviceLogger(environment.LOG_LEVEL, { service: 'monitor' });
  return runWithServiceLogger(logger, async () => {
    const app = await createHttpApp({
      module: AppModule.forRoot(environment, logger),
      title: 'enforcement-link monitor',
      description:
        'The command-centre view of the enforcement-link network: backlog, deadlines and ' +
        'transport health across all participating courts.',
      version: '0.1.0',
    });
    serveWebApp(app as NestExpressApplication, 'monitor', __dirname);
    await app.init();
    return app;
  });
}
