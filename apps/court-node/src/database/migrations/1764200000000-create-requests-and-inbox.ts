import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateRequestsAndInbox1764200000000 implements MigrationInterface {
  name = 'CreateRequestsAndInbox1764200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE requests (
        id uuid PRIMARY KEY,
        kind text NOT NULL CHECK (kind IN ('asset-search', 'delegation')),
        side text NOT NULL CHECK (side IN ('requesting', 'receiving')),
        requesting_court text NOT NULL,
        receiving_court text NOT NULL,
        case_number text NOT NULL,
        matter_type text,
        party_name text NOT NULL,
        details jsonb NOT NULL,
        state text NOT NULL,
        state_since timestamptz NOT NULL,
        due_at timestamptz,
        receiving_case_number text,
        handler jsonb,
        assignee text,
        forwarded_to text,
        result jsonb,
        last_rejection jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(
      'CREATE INDEX requests_listing ON requests (side, kind, state, created_at DESC)',
    );
    await queryRunner.query(`
      CREATE TABLE request_messages (
        message_id uuid PRIMARY KEY,
        request_id uuid NOT NULL REFERENCES requests (id),
        direction text NOT NULL CHECK (direction IN ('in', 'out')),
        type text NOT NULL,
        from_court text NOT NULL,
        to_court text NOT NULL,
        body jsonb NOT NULL,
        sent_at timestamptz NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        delivered_at timestamptz,
        changed_state boolean NOT NULL
      )`);
    await queryRunner.query(
      'CREATE INDEX request_messages_timeline ON request_messages (request_id, recorded_at)',
    );
    await queryRunner.query(`
      CREATE TABLE inbox_messages (
        id uuid PRIMARY KEY,
        subject text NOT NULL,
        type text,
        from_court text,
        request_id uuid,
        payload text NOT NULL,
        outcome text NOT NULL CHECK (outcome IN ('processed', 'rejected')),
        rejection_reason text,
        rejection_detail text,
        received_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE dead_letters (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        subject text NOT NULL,
        payload text NOT NULL,
        error text NOT NULL,
        deliveries integer NOT NULL,
        parked_at timestamptz NOT NULL DEFAULT now(),
        replayed_at timestamptz
      )`);
    await queryRunner.query(`
      CREATE TABLE registry_assets (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        party_identifier text NOT NULL,
        category text NOT NULL,
        institution text NOT NULL,
        reference text NOT NULL,
        description text,
        value_fen bigint,
        UNIQUE (category, institution, reference)
      )`);
    await queryRunner.query(
      'CREATE INDEX registry_assets_by_party ON registry_assets (party_identifier, category)',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'registry_assets',
      'dead_letters',
      'inbox_messages',
      'request_messages',
      'requests',
    ]) {
      await queryRunner.query(`DROP TABLE ${table}`);
    }
  }
}
