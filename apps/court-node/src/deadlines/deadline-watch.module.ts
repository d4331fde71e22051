import { Module } from '@nestjs/common';
import { CourtsModule } from '../courts/courts.module';
import { RequestsModule } from '../requests/requests.module';
import { DeadlineWatch } from './deadline-watch.service';

@Module({
  imports: [RequestsModule, CourtsModule],
  providers: [DeadlineWatch],
})
export class DeadlineWatchModule {}
