import { DataSource } from 'typeorm';

/** Arbitrary but fixed: every replica of every service takes the same advisory lock. */
const SCHEMA_LOCK_KEY = 7_311_046_029;

/**
 * Runs `work` while holding a session advisory lock on the database, so replicas of a service
 * starting together claim and migrate it one after the other: each migration is applied once
 * and none of them sees a half-migrated schema.
 */
export async function withSchemaLock(
  dataSource: DataSource,
  work: () => Promise<void>,
): Promise<void> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [SCHEMA_LOCK_KEY]);
    try {
      await work();
    } finally {
      await runner.query('SELECT pg_advisory_unlock($1)', [SCHEMA_LOCK_KEY]);
    }
  } finally {
    await runner.release();
  }
}
