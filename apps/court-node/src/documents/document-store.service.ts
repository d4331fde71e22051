import {
  createdConcurrently,
  DOCUMENTS_BUCKET_OPTIONS,
  NatsConnectionService,
} from '@enforcement-link/messaging';
import {
  DOCUMENT_MEDIA_TYPES,
  DocumentReference,
  documentsBucket,
  newMessageId,
  RejectionReason,
} from '@enforcement-link/protocol';
import { Injectable, ServiceUnavailableException } from '@nestjs/common';
import { NatsConnection, ObjectStore } from 'nats';
import { createHash } from 'node:crypto';
import { RequestNotFound, RequestRefused } from '../common/domain-errors';
import { CourtNodeEnvironment } from '../config/court-node.environment';
import { MessageNotApplicableYet, ProtocolViolation } from '../messaging/inbound-errors';
import { DocumentMediaType, looksLike } from './document-content';

export interface NewDocument {
  kind: DocumentReference['kind'];
  fileName: string;
  mediaType: string;
  bytes: Buffer;
}

export interface StoredDocument {
  fileName: string;
  mediaType: string;
  bytes: Uint8Array;
}

/**
 * The network's documents, in the JetStream object store: a court uploads a document before
 * it sends the message that lists it, and a receiving court checks every listed document,
 * byte for byte against its SHA-256, before the message counts as received.
 */
@Injectable()
export class DocumentStore {
  private opened?: { connection: NatsConnection; store: Promise<ObjectStore> };

  constructor(
    private readonly nats: NatsConnectionService,
    private readonly environment: CourtNodeEnvironment,
  ) {}

  async upload(document: NewDocument): Promise<DocumentReference> {
    const mediaType = document.mediaType.split(';')[0].trim().toLowerCase();
    const problems: { field: string; rule: string }[] = [];
    if (!(DOCUMENT_MEDIA_TYPES as readonly string[]).includes(mediaType)) {
      problems.push({
        field: 'content-type',
        rule: `one of ${DOCUMENT_MEDIA_TYPES.join(', ')}`,
      });
    } else if (!looksLike(mediaType as DocumentMediaType, document.bytes)) {
      problems.push({ field: 'body', rule: `the content of a ${mediaType} file` });
    }
    if (document.bytes.length === 0) problems.push({ field: 'body', rule: 'a file, not nothing' });
    if (problems.length > 0) throw new RequestRefused(problems);

    const reference: DocumentReference = {
      documentId: newMessageId(),
      kind: document.kind,
      fileName: document.fileName,
      mediaType: mediaType as DocumentMediaType,
      sizeBytes: document.bytes.length,
      sha256: sha256(document.bytes),
    };
    await this.withStore((store) =>
      store.putBlob(
        {
          name: reference.documentId,
          metadata: { fileName: reference.fileName, mediaType: reference.mediaType },
        },
        document.bytes,
      ),
    ).catch((error: unknown) => {
      throw error instanceof ServiceUnavailableException
        ? error
        : new ServiceUnavailableException(`the document could not be stored: ${String(error)}`);
    });
    return reference;
  }

  /** The document's bytes; throws RequestNotFound if there is none with this id. */
  async download(documentId: string): Promise<StoredDocument> {
    const { info, bytes } = await this.withStore(async (store) => {
      const found = await store.info(documentId);
      return {
        info: found,
        bytes: found && !found.deleted ? await store.getBlob(documentId) : null,
      };
    });
    if (!info || !bytes) throw new RequestNotFound('document', documentId);
    return {
      fileName: info.metadata?.fileName ?? documentId,
      mediaType: info.metadata?.mediaType ?? 'application/octet-stream',
      bytes,
    };
  }

  /**
   * Checks that every document a message lists is in the store, intact. One still missing may
   * be on its way: the message is tried again later. One whose size or digest differs is not
   * what the sender described: the message is rejected.
   */
  async verify(documents: DocumentReference[]): Promise<void> {
    for (const [i, document] of documents.entries()) {
      const bytes = await this.withStore(async (store) => {
        const info = await store.info(document.documentId);
        if (!info || info.deleted) return null;
        // A size that differs needs no reading to be found wrong.
        return info.size === document.sizeBytes
          ? store.getBlob(document.documentId)
          : new Uint8Array();
      });
      if (!bytes) {
        throw new MessageNotApplicableYet(
          RejectionReason.DocumentUnavailable,
          `document ${document.documentId} (${document.fileName}) has not arrived`,
        );
      }
      if (bytes.length !== document.sizeBytes || sha256(bytes) !== document.sha256) {
        throw new ProtocolViolation(
          RejectionReason.DocumentUnavailable,
          `document ${document.documentId} (${document.fileName}) is not the file described`,
          [
            {
              field: `body.documents[${i}].sha256`,
              rule: "the size and SHA-256 of the document in the network's store",
            },
          ],
        );
      }
    }
  }

  /** Runs `operation` on the bucket, opening it afresh next time if it failed (lost stream). */
  private async withStore<T>(operation: (store: ObjectStore) => Promise<T>): Promise<T> {
    const store = await this.store();
    try {
      return await operation(store);
    } catch (error) {
      this.opened = undefined;
      throw error;
    }
  }

  private store(): Promise<ObjectStore> {
    const connection = this.nats.current;
    if (!connection || !this.nats.isConnected) {
      return Promise.reject(
        new ServiceUnavailableException('documents cannot be stored while NATS is unreachable'),
      );
    }
    if (this.opened?.connection !== connection) {
      const store = createdConcurrently(() =>
        connection.jetstream().views.os(documentsBucket(this.environment.NATS_NAMESPACE), {
          ...DOCUMENTS_BUCKET_OPTIONS,
          replicas: this.environment.NATS_STREAM_REPLICAS,
        }),
      );
      this.opened = { connection, store };
      store.catch(() => (this.opened = undefined));
    }
    return this.opened.store;
  }
}

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
