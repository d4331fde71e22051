import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module';
import { DocumentsModule } from '../documents/documents.module';
import { SigningModule } from '../signing/signing.module';
import { DeadLetter } from './dead-letter.entity';
import { DeadLettersController } from './dead-letters.controller';
import { DeadLettersService } from './dead-letters.service';
import { InboxService } from './inbox.service';
import { OutboxRelay } from './outbox-relay.service';
import { OutboxService } from './outbox.service';
import { OutboxCommitSubscriber } from './outbox-commit.subscriber';

/** Delivery between courts: the outbox and its relay, the inbox, and the dead letters. */
@Module({
  imports: [TypeOrmModule.forFeature([DeadLetter]), AuditModule, DocumentsModule, SigningModule],
  controllers: [DeadLettersController],
  providers: [OutboxService, OutboxRelay, OutboxCommitSubscriber, InboxService, DeadLettersService],
  exports: [OutboxService, InboxService],
})
export class CourtMessagingModule {}
