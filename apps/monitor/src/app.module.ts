import { MessagingModule, NatsHealthCheck } from '@enforcement-link/messaging';
import {
  DatabaseHealthCheck,
  DatabaseModule,
  HealthModule,
  LoggingModule,
} from '@enforcement-link/platform';
import { DynamicModule, Module } from '@nestjs/common';
import { MonitorEnvironment } from './config/monitor.environment';
import { monitorMigrations } from './database/migrations';

/** The database owner name of the monitor; court nodes own theirs by court code. */
export const MONITOR_OWNER = 'monitor';

@Module({})
export class AppModule {
  static forRoot(environment: MonitorEnvironment): DynamicModule {
    return {
      module: AppModule,
      imports: [
        LoggingModule.forRoot(environment.LOG_LEVEL, { service: 'monitor' }),
        DatabaseModule.forRoot({
          url: environment.DATABASE_URL,
          owner: MONITOR_OWNER,
          migrations: monitorMigrations,
        }),
        MessagingModule.forRoot({
          servers: environment.NATS_URL,
          connectionName: 'monitor',
          streams: [],
        }),
        HealthModule.forChecks([DatabaseHealthCheck, NatsHealthCheck]),
      ],
      providers: [{ provide: MonitorEnvironment, useValue: environment }],
    };
  }
}
