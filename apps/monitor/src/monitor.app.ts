import { createHttpApp } from '@enforcement-link/platform';
import { INestApplication } from '@nestjs/common';
import { AppModule } from './app.module';
import { MonitorEnvironment } from './config/monitor.environment';

export function createMonitorApp(environment: MonitorEnvironment): Promise<INestApplication> {
  return createHttpApp({
    module: AppModule.forRoot(environment),
    title: 'enforcement-link monitor',
    description:
      'The command-centre view of the enforcement-link network: backlog, deadlines and ' +
      'transport health across all participating courts.',
    version: '0.1.0',
  });
}
