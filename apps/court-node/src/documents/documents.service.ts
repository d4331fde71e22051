import { DocumentReference } from '@enforcement-link/protocol';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { RequestNotFound } from '../common/domain-errors';
import { DocumentStore, NewDocument, StoredDocument } from './document-store.service';

/** Documents as this court's users see them: uploaded to send, downloaded when received. */
@Injectable()
export class DocumentsService {
  constructor(
    private readonly store: DocumentStore,
    private readonly dataSource: DataSource,
  ) {}

  upload(document: NewDocument): Promise<DocumentReference> {
    return this.store.upload(document);
  }

  /**
   * The network's store holds every court's documents; this court hands out only those listed
   * by a message of one of its own requests or tasks.
   */
  async download(documentId: string): Promise<StoredDocument> {
    const [listed] = await this.dataSource.query<unknown[]>(
      `SELECT 1 FROM request_messages WHERE body -> 'documents' @> $1::jsonb LIMIT 1`,
      [JSON.stringify([{ documentId }])],
    );
    if (!listed) throw new RequestNotFound('document', documentId);
    return this.store.download(documentId);
  }
}
