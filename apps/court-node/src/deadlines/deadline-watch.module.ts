import { Module } from '@nestjs/common';
import { CourtsModule } from '../courts/courts.module';
import { CourtMessagingModule } from '../messaging/court-messaging.module';
import { RequestsModule } from '../requests/requests.module';
import { DeadlineWatch } from './deadline-watch.service';

@Module({
  imports: [RequestsModule, CourtsModule, CourtMessagingModule],
  providers: [DeadlineWatch],
})
export class DeadlineWatchModule {}
