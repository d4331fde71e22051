import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Appending to the audit trail takes its lock and then reads the chain's head. As plain
 * statements that takes two, because under READ COMMITTED a statement sees what was committed
 * when it began, before it waited for the lock; a volatile function's queries each take a new
 * snapshot, so one call does both and the lock is held for one round trip less.
 */
export class LockAndReadTheAuditHeadInOneCall1765400000000 implements MigrationInterface {
  name = 'LockAndReadTheAuditHeadInOneCall1765400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // The key every replica of the court appends under: arbitrary but fixed, and not the schema lock's.
    await queryRunner.query(
      `CREATE FUNCTION audit_records_lock_head() RETURNS TABLE (sequence bigint, hash text)
       LANGUAGE plpgsql VOLATILE AS $$
       BEGIN
         PERFORM pg_advisory_xact_lock(7311046127);
         RETURN QUERY SELECT r.sequence, r.hash FROM audit_records r ORDER BY r.sequence DESC LIMIT 1;
       END $$`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP FUNCTION audit_records_lock_head()');
  }
}
