import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { CourtsModule } from '../courts/courts.module';
import { DocumentsModule } from '../documents/documents.module';
import { CourtMessagingModule } from '../messaging/court-messaging.module';
import { RequestLifecycle } from './request-lifecycle.service';
import { RequestMessagesHandler } from './request-messages.handler';
import { RequestsService } from './requests.service';

@Module({
  imports: [AuditModule, CourtMessagingModule, CourtsModule, DocumentsModule],
  controllers: [RequestMessagesHandler],
  providers: [RequestLifecycle, RequestsService],
  exports: [RequestLifecycle, RequestsService],
})
export class RequestsModule {}
