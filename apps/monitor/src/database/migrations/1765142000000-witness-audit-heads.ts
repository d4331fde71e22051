import { MigrationInterface, QueryRunner } from 'typeorm';

export class WitnessAuditHeads1765142000000 implements MigrationInterface {
  name = 'WitnessAuditHeads1765142000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE court_nodes
         ADD COLUMN audit_head_sequence bigint,
         ADD COLUMN audit_head_hash text`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE court_nodes DROP COLUMN audit_head_sequence, DROP COLUMN audit_head_hash',
    );
  }
}
