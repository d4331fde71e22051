import { Module } from '@nestjs/common';
import { HeartbeatListener } from './heartbeat-listener.service';
import { TransportHealthController } from './transport-health.controller';
import { TransportHealthService } from './transport-health.service';

@Module({
  controllers: [TransportHealthController],
  providers: [HeartbeatListener, TransportHealthService],
})
export class TransportHealthModule {}
