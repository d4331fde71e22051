import { CREATE_USER_ACCOUNTS_TABLE } from '@enforcement-link/platform';
import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateUserAccounts1765300000000 implements MigrationInterface {
  name = 'CreateUserAccounts1765300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(CREATE_USER_ACCOUNTS_TABLE);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE user_accounts');
  }
}
