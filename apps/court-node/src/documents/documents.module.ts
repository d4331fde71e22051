import { Module } from '@nestjs/common';
import { DocumentStore } from './document-store.service';
import { DocumentsController } from './documents.controller';
import { DocumentsService } from './documents.service';
import { PendingDocuments } from './pending-documents';

@Module({
  controllers: [DocumentsController],
  providers: [DocumentStore, DocumentsService, PendingDocuments],
  exports: [DocumentStore],
})
export class DocumentsModule {}
