import { DynamicModule, Module } from '@nestjs/common';
import { CourtDirectoryFollower } from './court-directory-follower.service';
import { MESSAGING_OPTIONS, MessagingOptions } from './messaging-options';
import { NatsConnectionService } from './nats-connection.service';
import { NatsHealthCheck } from './nats.health-check';

@Module({})
export class MessagingModule {
  static forRoot(options: MessagingOptions): DynamicModule {
    return {
      module: MessagingModule,
      global: true,
      providers: [
        { provide: MESSAGING_OPTIONS, useValue: options },
        NatsConnectionService,
        NatsHealthCheck,
        CourtDirectoryFollower,
      ],
      exports: [MESSAGING_OPTIONS, NatsConnectionService, NatsHealthCheck, CourtDirectoryFollower],
    };
  }
}
