import {
  createdConcurrently,
  describeNatsError,
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
import { Injectable, Logger, ServiceUnavailableException } from '@nestjs/common';
import { NatsConnection, ObjectStore } from 'nats';
import { createHash } from 'node:crypto';
import { RequestNotFound, RequestRefused } from '../common/domain-errors';
import { CourtNodeEnvironment } from '../config/court-node.environment';
import { MessageNotApplicableYet, ProtocolViolation } from '../messaging/inbound-errors';
import { DocumentMediaType, looksLike } from './document-content';
import { PendingDocument, PendingDocuments } from './pending-documents';

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

/** What a court's HTTP API answers 422 for, when a message would list a document amiss. */
export const LISTED_DOCUMENT_REFUSED =
  'A listed document was not uploaded (POST /api/documents), or not with this size and ' +
  'SHA-256: `fieldErrors` names it';

/** The size and SHA-256 a document was uploaded with. */
interface Uploaded {
  sizeBytes: number;
  sha256: string | undefined;
}

/**
 * The network's documents, in the JetStream object store: a court uploads a document before
 * it sends the message that lists it, and a receiving court checks every listed document,
 * byte for byte against its SHA-256, before the message counts as received. A document
 * uploaded while the store cannot be reached waits in this court's database, and the outbox
 * relay puts it in the store when NATS is back, before it publishes what waited with it.
 */
@Injectable()
export class DocumentStore {
  private readonly logger = new Logger(DocumentStore.name);
  private opened?: { connection: NatsConnection; store: Promise<ObjectStore> };

  constructor(
    private readonly nats: NatsConnectionService,
    private readonly environment: CourtNodeEnvironment,
    private readonly pending: PendingDocuments,
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
    try {
      await this.put(reference, document.bytes);
    } catch (error) {
      await this.pending.keep(reference, document.bytes);
      this.logger.warn(
        `document ${reference.documentId} waits for the object store: ${describeNatsError(error)}`,
      );
    }
    return reference;
  }

  /**
   * Puts the documents uploaded while the store could not be reached into it; returns how
   * many went.
   */
  storePending(): Promise<number> {
    if (!this.nats.isConnected) return Promise.resolve(0);
    return this.pending.putEach((document, bytes) => this.put(document, bytes));
  }

  /** The document's bytes; throws RequestNotFound if there is none with this id. */
  async download(documentId: string): Promise<StoredDocument> {
    const waiting = await this.pending.withBytes(documentId);
    if (waiting) return { ...waiting.document, bytes: waiting.bytes };
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

  /**
   * Checks, before this court sends a message, that every document it lists was uploaded as
   * described, so that a mistyped reference is refused at once instead of by the receiving
   * court. The store's record of each object's size and digest is enough here: the receiving
   * court reads and checks the bytes themselves. While the store cannot be reached, documents
   * that are not waiting here are not checked and the message is still accepted (it goes out
   * when NATS returns): the receiving court's check is then the only one.
   */
  async checkListed(documents: DocumentReference[]): Promise<void> {
    if (documents.length === 0) return;
    const uploaded = await this.uploadedAs(documents.map((document) => document.documentId));
    const problems = documents.flatMap((document, i) => {
      const found = uploaded[i];
      const field = `documents[${i}]`;
      if (found === undefined) return [];
      if (found === null) {
        return [
          { field: `${field}.documentId`, rule: 'a document uploaded with POST /api/documents' },
        ];
      }
      if (found.sizeBytes !== document.sizeBytes) {
        return [
          {
            field: `${field}.sizeBytes`,
            rule: `the size of the uploaded document, ${found.sizeBytes}`,
          },
        ];
      }
      if (found.sha256 !== document.sha256) {
        return [{ field: `${field}.sha256`, rule: 'the SHA-256 of the uploaded document' }];
      }
      return [];
    });
    if (problems.length > 0) throw new RequestRefused(problems);
  }

  /**
   * How each document was uploaded: waiting here or in the store; null for one that was not;
   * undefined for one that is not waiting here while the store cannot be asked.
   */
  private async uploadedAs(documentIds: string[]): Promise<(Uploaded | null | undefined)[]> {
    const waiting = await this.pending.described(documentIds);
    const elsewhere = documentIds.filter((id) => !waiting.has(id));
    const stored = new Map<string, Uploaded | null>();
    try {
      const found = await this.withStore((store) =>
        Promise.all(elsewhere.map((id) => store.info(id))),
      );
      found.forEach((info, i) =>
        stored.set(
          elsewhere[i],
          info && !info.deleted
            ? { sizeBytes: info.size, sha256: sha256OfDigest(info.digest) }
            : null,
        ),
      );
    } catch (error) {
      this.logger.warn(
        `the documents listed could not be checked before sending, the receiving court will: ${describeNatsError(error)}`,
      );
    }
    return documentIds.map((id) => waiting.get(id) ?? stored.get(id));
  }

  private async put(
    document: Pick<PendingDocument, 'documentId' | 'fileName' | 'mediaType'>,
    bytes: Uint8Array,
  ): Promise<void> {
    await this.withStore((store) =>
      store.putBlob(
        {
          name: document.documentId,
          metadata: { fileName: document.fileName, mediaType: document.mediaType },
        },
        bytes,
      ),
    );
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
        new ServiceUnavailableException(
          'the document store cannot be reached: NATS is unreachable',
        ),
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

/** The hex SHA-256 of an object store digest, `SHA-256=` and the digest in base64 (URL-safe). */
function sha256OfDigest(digest: string): string | undefined {
  const prefix = 'SHA-256=';
  if (!digest.startsWith(prefix)) return undefined;
  return Buffer.from(digest.slice(prefix.length), 'base64').toString('hex');
}
