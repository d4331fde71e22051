import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Signed messages are judged against the moment JetStream stored them (the time window, a
 * revoked key); keeping it lets an administrator re-check a stored message by the same rules.
 */
export class RecordWhenTheStreamStoredInboundMessages1765100000000 implements MigrationInterface {
  name = 'RecordWhenTheStreamStoredInboundMessages1765100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE inbox_messages ADD COLUMN stream_stored_at timestamptz');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE inbox_messages DROP COLUMN stream_stored_at');
  }
}
