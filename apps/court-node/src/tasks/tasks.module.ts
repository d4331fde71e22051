import { Module } from '@nestjs/common';
import { AssetRegistryModule } from '../asset-registry/asset-registry.module';
import { CourtsModule } from '../courts/courts.module';
import { CourtMessagingModule } from '../messaging/court-messaging.module';
import { RequestsModule } from '../requests/requests.module';
import { IncomingRequestsHandler } from './incoming-requests.handler';
import { TasksController } from './tasks.controller';
import { TasksService } from './tasks.service';

@Module({
  imports: [RequestsModule, CourtMessagingModule, CourtsModule, AssetRegistryModule],
  controllers: [TasksController, IncomingRequestsHandler],
  providers: [TasksService],
})
export class TasksModule {}
