import { MigrationInterface, QueryRunner } from 'typeorm';

export class TrackWholeCaseLimit1764500000000 implements MigrationInterface {
  name = 'TrackWholeCaseLimit1764500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE requests ADD COLUMN case_escalated_at timestamptz');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE requests DROP COLUMN case_escalated_at');
  }
}
