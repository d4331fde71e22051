import { connect } from 'nats';
import { Client } from 'pg';
import { quoteIdentifier } from '../../libs/platform/src/database/ensure-database';

/**
 * Test networks are named `t<creation time in base 36><8 hex digits>`; see TestNetwork. Key-value
 * and object-store buckets put `KV_` or `OBJ_` before their stream's name.
 */
const TEST_NAME = /^(?:KV_|OBJ_)?t([0-9a-z]{8})[0-9a-f]{8}(?:_|$)/i;
const STALE_AFTER_MS = 2 * 60 * 60 * 1000;

function isStale(name: string, now: number): boolean {
  const match = TEST_NAME.exec(name);
  return match !== null && now - parseInt(match[1], 36) > STALE_AFTER_MS;
}

/**
 * Jest global set-up of the end-to-end tests: removes databases and streams that test runs
 * killed before their clean-up left behind more than two hours ago. Younger ones may belong to
 * a run still going on the same services, and are left alone.
 */
export default async function sweepStaleTestData(): Promise<void> {
  const now = Date.now();
  const databaseUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ datname: string }>('SELECT datname FROM pg_database');
    for (const { datname } of rows.filter((row) => isStale(row.datname, now))) {
      await client.query(`DROP DATABASE IF EXISTS ${quoteIdentifier(datname)} WITH (FORCE)`);
    }
  } finally {
    await client.end();
  }

  const connection = await connect({ servers: process.env.NATS_URL ?? 'nats://127.0.0.1:4222' });
  try {
    const manager = await connection.jetstreamManager();
    for await (const stream of manager.streams.list()) {
      if (isStale(stream.config.name, now)) await manager.streams.delete(stream.config.name);
    }
  } finally {
    await connection.close();
  }
}
