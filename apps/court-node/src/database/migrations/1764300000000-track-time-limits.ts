import { MigrationInterface, QueryRunner } from 'typeorm';

export class TrackTimeLimits1764300000000 implements MigrationInterface {
  name = 'TrackTimeLimits1764300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE requests
        ADD COLUMN limit_started_at timestamptz,
        ADD COLUMN reminded_percent smallint NOT NULL DEFAULT 0,
        ADD COLUMN overdue_since timestamptz`);
    await queryRunner.query(
      `UPDATE requests SET limit_started_at = state_since WHERE due_at IS NOT NULL`,
    );
    await queryRunner.query(
      'CREATE INDEX requests_watched_limits ON requests (due_at) WHERE due_at IS NOT NULL AND overdue_since IS NULL',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX requests_watched_limits');
    await queryRunner.query(`
      ALTER TABLE requests
        DROP COLUMN limit_started_at,
        DROP COLUMN reminded_percent,
        DROP COLUMN overdue_since`);
  }
}
