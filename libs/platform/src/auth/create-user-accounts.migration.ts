import { MigrationInterface, QueryRunner } from 'typeorm';

/** The accounts table, in the migrations of every service that has accounts. */
export class CreateUserAccounts1765300000000 implements MigrationInterface {
  name = 'CreateUserAccounts1765300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE user_accounts (
        username varchar(64) PRIMARY KEY,
        display_name varchar(100) NOT NULL,
        role varchar(32) NOT NULL,
        password_hash text NOT NULL,
        password_changed_at timestamptz NOT NULL DEFAULT now(),
        disabled_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE user_accounts');
  }
}
