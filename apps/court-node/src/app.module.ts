import { Logger } from 'pino';
import {
  courtConsumer,
  courtMessagesStream,
  MessagingModule,
  monitorEventsStream,
  natsClientSettings,
  NatsHealthCheck,
} from '@enforcement-link/messaging';
import {
  AuthModule,
  COURT_ROLES,
  DatabaseHealthCheck,
  DatabaseModule,
  databaseTls,
  HealthModule,
  LiveModule,
  LoggingModule,
  MetricsModule,
  UserAccount,
} from '@enforcement-link/platform';
import { courtInboxPrefix } from '@enforcement-link/protocol';
import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { AssetSearchesModule } from './asset-searches/asset-searches.module';
import { RegistryAsset } from './asset-registry/registry-asset.entity';
import { AuditModule } from './audit/audit.module';
import { DomainErrorsFilter } from './common/domain-errors.filter';
import { CourtNodeEnvironment } from './config/court-node.environment';
import { CourtsModule } from './courts/courts.module';
import { courtNodeMigrations } from './database/migrations';
import { DeadlineWatchModule } from './deadlines/deadline-watch.module';
import { DeadlinesModule } from './deadlines/deadlines.module';
import { ExpiryAlert } from './deadlines/expiry-alert.entity';
import { DelegationsModule } from './delegations/delegations.module';
import { DocumentsModule } from './documents/documents.module';
import { FundPayout } from './funds/fund-payout.entity';
import { FundRecovery } from './funds/fund-recovery.entity';
import { FundTransfer } from './funds/fund-transfer.entity';
import { FundsModule } from './funds/funds.module';
import { CourtMessagingModule } from './messaging/court-messaging.module';
import { DeadLetter } from './messaging/dead-letter.entity';
import { InboxMessage } from './messaging/inbox-message.entity';
import { OutboxMessage } from './messaging/outbox-message.entity';
import { CourtNodeMetricsModule } from './metrics/court-node-metrics.module';
import { MonitorEventsModule } from './monitor-events/monitor-events.module';
import { RequestMessage } from './requests/request-message.entity';
import { Request } from './requests/request.entity';
import { RequestsModule } from './requests/requests.module';
import { SupervisedEscalation } from './supervision/supervised-escalation.entity';
import { SupervisionModule } from './supervision/supervision.module';
import { TasksModule } from './tasks/tasks.module';

@Module({})
export class AppModule {
  static forRoot(environment: CourtNodeEnvironment, logger: Logger): DynamicModule {
    return {
      module: AppModule,
      // Its configuration is read by every feature module.
      global: true,
      imports: [
        LoggingModule.forRoot(logger),
        DatabaseModule.forRoot({
          url: environment.DATABASE_URL,
          tls: databaseTls(environment.DATABASE_SSL_MODE, environment.DATABASE_SSL_CA_FILE),
          owner: environment.COURT_ID,
          migrations: courtNodeMigrations,
          entities: [
            OutboxMessage,
            InboxMessage,
            DeadLetter,
            Request,
            RequestMessage,
            RegistryAsset,
            ExpiryAlert,
            FundRecovery,
            FundTransfer,
            FundPayout,
            SupervisedEscalation,
            UserAccount,
          ],
          // One connection per message handled at once, and as many again for HTTP and the relay.
          poolSize: 2 * environment.INBOX_CONCURRENCY,
        }),
        MessagingModule.forRoot({
          client: natsClientSettings(environment),
          namespace: environment.NATS_NAMESPACE,
          connectionName: `court-node:${environment.COURT_ID}`,
          inboxPrefix: courtInboxPrefix(environment.NATS_NAMESPACE, environment.COURT_ID),
          provisioning: environment.NATS_PROVISIONING,
          streams: [
            courtMessagesStream(environment.NATS_NAMESPACE, environment.NATS_STREAM_REPLICAS),
            monitorEventsStream(environment.NATS_NAMESPACE, environment.NATS_STREAM_REPLICAS),
          ],
          consumers: [
            courtConsumer(
              environment.NATS_NAMESPACE,
              environment.COURT_ID,
              environment.INBOX_CONCURRENCY,
            ),
          ],
        }),
        AuthModule.forRoot({
          secret: environment.AUTH_TOKEN_SECRET,
          audience: environment.COURT_ID,
          sessionHours: environment.AUTH_SESSION_HOURS,
          roles: COURT_ROLES,
        }),
        HealthModule.forChecks([DatabaseHealthCheck, NatsHealthCheck]),
        MetricsModule.forRoot({ service: 'court-node', court: environment.COURT_ID }),
        CourtNodeMetricsModule,
        AuditModule,
        CourtMessagingModule,
        CourtsModule,
        DeadlinesModule,
        DeadlineWatchModule,
        DocumentsModule,
        RequestsModule,
        AssetSearchesModule,
        DelegationsModule,
        TasksModule,
        FundsModule,
        SupervisionModule,
        LiveModule.forEvents({
          event: 'request',
          description:
            'Each `request` event carries `{ "id": <request id>, "state": <its state> }` of the latest change of a request or task of this court; a page reloads what it shows.',
        }),
        MonitorEventsModule,
      ],
      providers: [
        { provide: CourtNodeEnvironment, useValue: environment },
        { provide: APP_FILTER, useClass: DomainErrorsFilter },
      ],
      exports: [CourtNodeEnvironment],
    };
  }
}
