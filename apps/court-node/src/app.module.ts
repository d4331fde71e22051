import { courtMessagesStream, MessagingModule, NatsHealthCheck } from '@enforcement-link/messaging';
import {
  DatabaseHealthCheck,
  DatabaseModule,
  HealthModule,
  LoggingModule,
} from '@enforcement-link/platform';
import { DynamicModule, Module } from '@nestjs/common';
import { CourtNodeEnvironment } from './config/court-node.environment';
import { courtNodeMigrations } from './database/migrations';
import { OutboxMessage } from './messaging/outbox-message.entity';
import { OutboxModule } from './messaging/outbox.module';

@Module({})
export class AppModule {
  static forRoot(environment: CourtNodeEnvironment): DynamicModule {
    return {
      module: AppModule,
      // Its configuration is read by every feature module.
      global: true,
      imports: [
        LoggingModule.forRoot(environment.LOG_LEVEL, {
          service: 'court-node',
          court: environment.COURT_ID,
        }),
        DatabaseModule.forRoot({
          url: environment.DATABASE_URL,
          owner: environment.COURT_ID,
          migrations: courtNodeMigrations,
          entities: [OutboxMessage],
        }),
        MessagingModule.forRoot({
          servers: environment.NATS_URL,
          connectionName: `court-node:${environment.COURT_ID}`,
          streams: [courtMessagesStream(environment.NATS_NAMESPACE)],
        }),
        HealthModule.forChecks([DatabaseHealthCheck, NatsHealthCheck]),
        OutboxModule,
      ],
      providers: [{ provide: CourtNodeEnvironment, useValue: environment }],
      exports: [CourtNodeEnvironment],
    };
  }
}
