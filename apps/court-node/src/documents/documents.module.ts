import { Module } from '@nestjs/common';
import { DocumentStore } from './document-store.service';
import { DocumentsController } from './documents.controller';
import { DocumentsService } from './documents.service';

@Module({
  controllers: [DocumentsController],
  providers: [DocumentStore, DocumentsService],
  exports: [DocumentStore],
})
export class DocumentsModule {}
