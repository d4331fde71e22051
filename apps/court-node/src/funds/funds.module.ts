import { Module } from '@nestjs/common';
import { CourtMessagingModule } from '../messaging/court-messaging.module';
import { RequestsModule } from '../requests/requests.module';
import { FundsController } from './funds.controller';
import { FundsHandler } from './funds.handler';
import { FundsService } from './funds.service';
import { TaskFundsController } from './task-funds.controller';

@Module({
  imports: [RequestsModule, CourtMessagingModule],
  controllers: [FundsController, TaskFundsController, FundsHandler],
  providers: [FundsService],
})
export class FundsModule {}
