import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** A document as it was uploaded, without its bytes. */
export interface PendingDocument {
  documentId: string;
  fileName: string;
  mediaType: string;
  sizeBytes: number;
  sha256: string;
}

/**
 * How long a pass spares the next ones once it has put all it found: a document another
 * replica kept, and could not put before it stopped, is found within this time.
 */
const IDLE_RECHECK_MS = 60_000;

const COLUMNS = `document_id AS "documentId", file_name AS "fileName", media_type AS "mediaType",
  size_bytes AS "sizeBytes", sha256`;

/**
 * Documents uploaded while the network's object store could not be reached, kept in this
 * court's database until they can be put there.
 */
@Injectable()
export class PendingDocuments {
  /** When the next pass may look: at once after one is kept here or a pass failed. */
  private lookAfter = 0;

  constructor(private readonly dataSource: DataSource) {}

  async keep(document: PendingDocument, bytes: Uint8Array): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO pending_documents (document_id, file_name, media_type, size_bytes, sha256, bytes)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [
        document.documentId,
        document.fileName,
        document.mediaType,
        document.sizeBytes,
        document.sha256,
        Buffer.from(bytes),
      ],
    );
    this.lookAfter = 0;
  }

  /** Those of the documents that are waiting, by id. */
  async described(documentIds: string[]): Promise<Map<string, PendingDocument>> {
    const rows = await this.dataSource.query<PendingDocument[]>(
      `SELECT ${COLUMNS} FROM pending_documents WHERE document_id = ANY($1::uuid[])`,
      [documentIds],
    );
    return new Map(rows.map((row) => [row.documentId, row]));
  }

  /** The document and its bytes, if it is waiting. */
  async withBytes(
    documentId: string,
  ): Promise<{ document: PendingDocument; bytes: Buffer } | undefined> {
    const [row] = await this.dataSource.query<(PendingDocument & { bytes: Buffer })[]>(
      `SELECT ${COLUMNS}, bytes FROM pending_documents WHERE document_id = $1`,
      [documentId],
    );
    return row ? { document: row, bytes: row.bytes } : undefined;
  }

  /**
   * Hands the waiting documents to `put`, oldest first, each forgotten once `put` resolved;
   * returns how many went. The first that fails stops the pass and waits for the next one.
   * Replicas share the work: a document another one is putting is skipped.
   */
  async putEach(put: (document: PendingDocument, bytes: Buffer) => Promise<void>): Promise<number> {
    if (Date.now() < this.lookAfter) return 0;
    // Set before the pass: a document kept during it resets it, and is put by the next pass.
    this.lookAfter = Date.now() + IDLE_RECHECK_MS;
    let moved = 0;
    try {
      while (await this.putOldest(put)) moved++;
    } catch (error) {
      this.lookAfter = 0;
      throw error;
    }
    return moved;
  }

  private putOldest(
    put: (document: PendingDocument, bytes: Buffer) => Promise<void>,
  ): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      const [row] = await manager.query<(PendingDocument & { bytes: Buffer })[]>(
        `SELECT ${COLUMNS}, bytes FROM pending_documents
          ORDER BY uploaded_at LIMIT 1 FOR UPDATE SKIP LOCKED`,
      );
      if (!row) return false;
      await put(row, row.bytes);
      await manager.query('DELETE FROM pending_documents WHERE document_id = $1', [row.documentId]);
      return true;
    });
  }
}
