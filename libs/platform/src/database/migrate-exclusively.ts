import { DataSource } from 'typeorm';

/** Arbitrary but fixed: every replica of a service takes the same advisory lock. */
const MIGRATION_LOCK_KEY = 7_311_046_029;

/**
 * Runs pending migrations while holding a session advisory lock, so replicas of one service
 * starting together apply each migration once and never see a half-migrated schema.
 */
export async function migrateExclusively(dataSource: DataSource): Promise<void> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    try {
      await dataSource.runMigrations({ transaction: 'each' });
    } finally {
      await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    }
  } finally {
    await runner.release();
  }
}
