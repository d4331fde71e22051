import { DataSource } from 'typeorm';

/** Thrown when a service is pointed at a database that another service already owns. */
export class DatabaseOwnedElsewhereError extends Error {
  constructor(
    readonly database: string,
    readonly owner: string,
    readonly claimant: string,
  ) {
    super(
      `database "${database}" belongs to "${owner}", not to "${claimant}": ` +
        'give each court node and the monitor a database of its own',
    );
    this.name = 'DatabaseOwnedElsewhereError';
  }
}

/**
 * Records which service owns a database (a court node by its court code, the monitor as
 * `monitor`) or fails when another one does. Two court nodes sharing one database would mix two
 * courts' cases and answer each other's messages. It runs before any migration, so a service
 * pointed at the wrong database changes nothing there; like TypeORM's own `migrations` table,
 * the record's table is created here rather than by a migration.
 */
export async function claimDatabase(dataSource: DataSource, claimant: string): Promise<void> {
  await dataSource.query(`
    CREATE TABLE IF NOT EXISTS database_owner (
      singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
      owner text NOT NULL,
      claimed_at timestamptz NOT NULL DEFAULT now()
    )`);
  await dataSource.query(
    'INSERT INTO database_owner (owner) VALUES ($1) ON CONFLICT (singleton) DO NOTHING',
    [claimant],
  );
  const [{ owner, database }] = await dataSource.query<{ owner: string; database: string }[]>(
    'SELECT owner, current_database() AS database FROM database_owner',
  );
  if (owner !== claimant) throw new DatabaseOwnedElsewhereError(database, owner, claimant);
}
