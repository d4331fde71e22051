import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateAuditRecords1765142000000 implements MigrationInterface {
  name = 'CreateAuditRecords1765142000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE audit_records (
         sequence bigint PRIMARY KEY CHECK (sequence > 0),
         recorded_at timestamptz NOT NULL,
         actor jsonb NOT NULL,
         action text NOT NULL,
         request_id uuid,
         message_id uuid,
         detail jsonb NOT NULL,
         previous_hash text NOT NULL,
         hash text NOT NULL
       )`,
    );
    await queryRunner.query(
      'CREATE INDEX audit_records_request ON audit_records (request_id) WHERE request_id IS NOT NULL',
    );
    // Append-only for the application and anyone using its role; an owner or a superuser can
    // still disable the triggers, which is what the hash chain and `audit verify` are for.
    await queryRunner.query(
      `CREATE FUNCTION audit_records_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         RAISE EXCEPTION 'audit_records is append-only: % refused', TG_OP
           USING ERRCODE = 'insufficient_privilege';
       END $$`,
    );
    await queryRunner.query(
      `CREATE TRIGGER audit_records_append_only BEFORE UPDATE OR DELETE ON audit_records
         FOR EACH ROW EXECUTE FUNCTION audit_records_refuse_change()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER audit_records_no_truncate BEFORE TRUNCATE ON audit_records
         FOR EACH STATEMENT EXECUTE FUNCTION audit_records_refuse_change()`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE audit_records');
    await queryRunner.query('DROP FUNCTION audit_records_refuse_change()');
  }
}
