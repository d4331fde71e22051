import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Documents uploaded while NATS, and with it the network's object store, cannot be reached
 * wait here until it can, so that clerks can still send requests with their documents.
 */
export class KeepDocumentsUploadedWhileNatsIsUnreachable1765500000000 implements MigrationInterface {
  name = 'KeepDocumentsUploadedWhileNatsIsUnreachable1765500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE pending_documents (
        document_id uuid PRIMARY KEY,
        file_name text NOT NULL,
        media_type text NOT NULL,
        size_bytes integer NOT NULL,
        sha256 text NOT NULL,
        bytes bytea NOT NULL,
        uploaded_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE pending_documents');
  }
}
