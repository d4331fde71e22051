import { Module } from '@nestjs/common';
import { MonitoredRequestsController } from './monitored-requests.controller';
import { MonitoredRequestsService } from './monitored-requests.service';

@Module({
  controllers: [MonitoredRequestsController],
  providers: [MonitoredRequestsService],
})
export class MonitoredRequestsModule {}
