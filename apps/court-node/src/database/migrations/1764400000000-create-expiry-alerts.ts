import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateExpiryAlerts1764400000000 implements MigrationInterface {
  name = 'CreateExpiryAlerts1764400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE expiry_alerts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        request_id uuid NOT NULL REFERENCES requests (id),
        matter_type text NOT NULL,
        asset jsonb,
        expires_on date NOT NULL,
        alert_at timestamptz NOT NULL,
        raised_at timestamptz,
        UNIQUE (request_id, matter_type, expires_on)
      )`);
    await queryRunner.query(
      'CREATE INDEX expiry_alerts_pending ON expiry_alerts (alert_at) WHERE raised_at IS NULL',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE expiry_alerts');
  }
}
