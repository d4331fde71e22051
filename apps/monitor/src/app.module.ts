import { Logger } from 'pino';
import {
  MessagingModule,
  monitorEventsStream,
  natsClientSettings,
  NatsHealthCheck,
} from '@enforcement-link/messaging';
import {
  AuthModule,
  COMMAND_CENTRE_ROLES,
  DatabaseHealthCheck,
  DatabaseModule,
  databaseTls,
  HealthModule,
  LiveModule,
  LoggingModule,
  MetricsModule,
  UserAccount,
} from '@enforcement-link/platform';
import { monitorInboxPrefix } from '@enforcement-link/protocol';
import { DynamicModule, Module } from '@nestjs/common';
import { BacklogModule } from './backlog/backlog.module';
import { MonitorEnvironment } from './config/monitor.environment';
import { CourtsModule } from './courts/courts.module';
import { monitorMigrations } from './database/migrations';
import { FiguresModule } from './figures/figures.module';
import { MonitorMetricsModule } from './metrics/monitor-metrics.module';
import { ProjectionModule } from './projection/projection.module';
import { MonitoredRequestsModule } from './requests/monitored-requests.module';
import { TransportHealthModule } from './transport-health/transport-health.module';

/** The database owner name of the monitor; court nodes own theirs by court code. */
export const MONITOR_OWNER = 'monitor';

@Module({})
export class AppModule {
  static forRoot(environment: MonitorEnvironment, logger: Logger): DynamicModule {
    return {
      module: AppModule,
      // Its configuration is read by every feature module.
      global: true,
      imports: [
        LoggingModule.forRoot(logger),
        DatabaseModule.forRoot({
          url: environment.DATABASE_URL,
          tls: databaseTls(environment.DATABASE_SSL_MODE, environment.DATABASE_SSL_CA_FILE),
          owner: MONITOR_OWNER,
          migrations: monitorMigrations,
          entities: [UserAccount],
        }),
        AuthModule.forRoot({
          secret: environment.AUTH_TOKEN_SECRET,
          audience: MONITOR_OWNER,
          sessionHours: environment.AUTH_SESSION_HOURS,
          roles: COMMAND_CENTRE_ROLES,
        }),
        MessagingModule.forRoot({
          client: natsClientSettings(environment),
          namespace: environment.NATS_NAMESPACE,
          connectionName: 'monitor',
          inboxPrefix: monitorInboxPrefix(environment.NATS_NAMESPACE),
          provisioning: environment.NATS_PROVISIONING,
          streams: [
            monitorEventsStream(environment.NATS_NAMESPACE, environment.NATS_STREAM_REPLICAS),
          ],
          consumers: [],
        }),
        HealthModule.forChecks([DatabaseHealthCheck, NatsHealthCheck]),
        MetricsModule.forRoot({ service: 'monitor' }),
        MonitorMetricsModule,
        LiveModule.forEvents({
          event: 'projection',
          description:
            'Each `projection` event carries `{ "position": <stream sequence> }`: the figures changed; a page reloads what it shows.',
        }),
        ProjectionModule,
        CourtsModule,
        BacklogModule,
        FiguresModule,
        MonitoredRequestsModule,
        TransportHealthModule,
      ],
      providers: [{ provide: MonitorEnvironment, useValue: environment }],
      exports: [MonitorEnvironment],
    };
  }
}
