import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateFunds1764600000000 implements MigrationInterface {
  name = 'CreateFunds1764600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE fund_recoveries (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        request_id uuid NOT NULL REFERENCES requests (id),
        amount_fen bigint NOT NULL CHECK (amount_fen > 0),
        payer text NOT NULL,
        received_on date NOT NULL,
        bank_reference text NOT NULL UNIQUE,
        recorded_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query('CREATE INDEX fund_recoveries_request ON fund_recoveries (request_id)');
    await queryRunner.query(`
      CREATE TABLE fund_transfers (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        message_id uuid NOT NULL UNIQUE,
        direction text NOT NULL CHECK (direction IN ('in', 'out')),
        request_id uuid NOT NULL,
        from_court text NOT NULL,
        to_court text NOT NULL,
        case_number text NOT NULL,
        account_case_number text,
        amount_fen bigint NOT NULL CHECK (amount_fen > 0),
        payer text NOT NULL,
        transferred_on date NOT NULL,
        bank_reference text NOT NULL,
        status text NOT NULL CHECK (status IN ('UNMATCHED', 'IN_TRANSIT', 'CONFIRMED')),
        unmatched_reason text,
        confirmed_fen bigint CHECK (confirmed_fen >= 0),
        received_on date,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        confirmed_at timestamptz,
        UNIQUE (from_court, bank_reference),
        CHECK ((status = 'UNMATCHED') = (account_case_number IS NULL)),
        CHECK ((status = 'CONFIRMED') = (confirmed_fen IS NOT NULL))
      )`);
    await queryRunner.query('CREATE INDEX fund_transfers_request ON fund_transfers (request_id)');
    await queryRunner.query(
      'CREATE INDEX fund_transfers_account ON fund_transfers (account_case_number)',
    );
    await queryRunner.query(`
      CREATE TABLE fund_payouts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_number text NOT NULL,
        amount_fen bigint NOT NULL CHECK (amount_fen > 0),
        payee text NOT NULL,
        paid_on date NOT NULL,
        bank_reference text NOT NULL UNIQUE,
        recorded_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query('CREATE INDEX fund_payouts_case ON fund_payouts (case_number)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE fund_payouts');
    await queryRunner.query('DROP TABLE fund_transfers');
    await queryRunner.query('DROP TABLE fund_recoveries');
  }
}
