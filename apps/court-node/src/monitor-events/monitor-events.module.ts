import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { CourtMessagingModule } from '../messaging/court-messaging.module';
import { HeartbeatService } from './heartbeat.service';
import { RequestEvents } from './request-events.subscriber';

/** What this court tells the command centres' monitor: request snapshots and heartbeats. */
@Module({
  imports: [CourtMessagingModule, AuditModule],
  providers: [RequestEvents, HeartbeatService],
})
export class MonitorEventsModule {}
