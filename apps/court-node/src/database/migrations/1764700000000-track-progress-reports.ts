import { MigrationInterface, QueryRunner } from 'typeorm';

export class TrackProgressReports1764700000000 implements MigrationInterface {
  name = 'TrackProgressReports1764700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE requests ADD COLUMN progress_report_due_at timestamptz, ADD COLUMN progress_requested_at timestamptz',
    );
    await queryRunner.query(
      `CREATE INDEX requests_progress_report_due ON requests (progress_report_due_at)
        WHERE progress_requested_at IS NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE requests DROP COLUMN progress_report_due_at, DROP COLUMN progress_requested_at',
    );
  }
}
