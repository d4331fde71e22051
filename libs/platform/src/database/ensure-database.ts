import { Client } from 'pg';
import { DatabaseTls } from './database-tls';

/** Another replica created it between our check and our CREATE: reported either way. */
const ALREADY_CREATED = new Set(['42P04', '23505']);

/**
 * Creates the database named in `databaseUrl` when the server does not have it yet, so a new
 * court node needs nothing but a server and credentials allowed to create databases. Connects
 * to the server's `postgres` maintenance database for that.
 */
export async function ensureDatabaseExists(databaseUrl: string, tls?: DatabaseTls): Promise<void> {
  const url = new URL(databaseUrl);
  const name = decodeURIComponent(url.pathname.slice(1));
  url.pathname = '/postgres';

  const client = new Client({
    connectionString: url.toString(),
    ...(tls !== undefined ? { ssl: tls } : {}),
  });
  await client.connect();
  try {
    const existing = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (existing.rowCount === 0) {
      await client.query(`CREATE DATABASE ${quoteIdentifier(name)}`);
    }
  } catch (error) {
    if (!ALREADY_CREATED.has((error as { code?: string }).code ?? '')) throw error;
  } finally {
    await client.end();
  }
}

export function quoteIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
