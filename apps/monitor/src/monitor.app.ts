import { createHttpApp, serveWebApp } from '@enforcement-link/platform';
import { INestApplication } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import { AppModule } from './app.module';
import { MonitorEnvironment } from './config/monitor.environment';

/** The monitor: its API, its projection of the network's events, and the web dashboard. */
export async function createMonitorApp(environment: MonitorEnvironment): Promise<INestApplication> {
  const app = await createHttpApp({
    module: AppModule.forRoot(environment),
    title: 'enforcement-link monitor',
    description:
      'The command-centre view of the enforcement-link network: backlog, deadlines and ' +
      'transport health across all participating courts.',
    version: '0.1.0',
  });
  serveWebApp(app as NestExpressApplication, 'monitor', __dirname);
  return app;
}
