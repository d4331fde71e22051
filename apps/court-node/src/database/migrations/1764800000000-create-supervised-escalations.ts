import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateSupervisedEscalations1764800000000 implements MigrationInterface {
  name = 'CreateSupervisedEscalations1764800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE supervised_escalations (
        message_id uuid PRIMARY KEY,
        request_id uuid NOT NULL,
        requesting_court text NOT NULL,
        receiving_court text NOT NULL,
        case_number text,
        overdue_since timestamptz NOT NULL,
        reason text NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(
      'CREATE INDEX supervised_escalations_court ON supervised_escalations (receiving_court)',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE supervised_escalations');
  }
}
