import { execFile } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { waitFor } from './wait-for';

const run = promisify(execFile);

/**
 * A PostgreSQL server a test owns, so it can restart it under load: a cluster made with initdb
 * in a folder of its own, listening on loopback only, with trust authentication. PostgreSQL
 * refuses to run as root, so as root the server runs as the `postgres` system user, as
 * scripts/services.sh does.
 */
export class PostgresServerProcess {
  private constructor(
    readonly port: number,
    private readonly folder: string,
    private readonly binaries: string,
  ) {}

  static async create(port: number): Promise<PostgresServerProcess> {
    const binaries = postgresBinaries();
    const folder = mkdtempSync(join(tmpdir(), 'enforcement-link-postgres-'));
    const server = new PostgresServerProcess(port, folder, binaries);
    if (asRoot()) chownSync(folder, ...postgresUserIds());
    await server.asOwner('initdb', [
      '-D',
      server.dataDirectory,
      '-U',
      'postgres',
      '--auth=trust',
      '--encoding=UTF8',
      '--no-locale',
      '--no-sync',
    ]);
    return server;
  }

  /** The maintenance database's URL; test networks derive theirs from it. */
  get url(): string {
    return `postgres://postgres@127.0.0.1:${this.port}/postgres`;
  }

  async start(): Promise<void> {
    await this.asOwner('pg_ctl', [
      '-D',
      this.dataDirectory,
      '-l',
      join(this.folder, 'postgres.log'),
      '-w',
      '-t',
      '30',
      '-o',
      `-c listen_addresses=127.0.0.1 -p ${this.port} -c unix_socket_directories= -c max_connections=300`,
      'start',
    ]);
    await waitFor(`PostgreSQL on port ${this.port}`, () => this.answers());
  }

  /**
   * Stops the server the way a crash or a power cut would (`immediate`: no checkpoint, every
   * connection cut), or cleanly (`fast`).
   */
  async stop(mode: 'immediate' | 'fast' = 'fast'): Promise<void> {
    if (!existsSync(join(this.dataDirectory, 'postmaster.pid'))) return;
    await this.asOwner('pg_ctl', ['-D', this.dataDirectory, '-m', mode, '-w', 'stop']);
  }

  async destroy(): Promise<void> {
    await this.stop('immediate');
    rmSync(this.folder, { recursive: true, force: true });
  }

  private get dataDirectory(): string {
    return join(this.folder, 'data');
  }

  private async answers(): Promise<true | undefined> {
    const client = new Client({ connectionString: this.url, connectionTimeoutMillis: 1_000 });
    try {
      await client.connect();
      await client.query('SELECT 1');
      return true;
    } catch {
      return undefined;
    } finally {
      await client.end().catch(() => undefined);
    }
  }

  private async asOwner(program: string, args: string[]): Promise<void> {
    const binary = join(this.binaries, program);
    if (asRoot()) await run('runuser', ['-u', 'postgres', '--', binary, ...args]);
    else await run(binary, args);
  }
}

function asRoot(): boolean {
  return userInfo().uid === 0;
}

function postgresUserIds(): [number, number] {
  const line = readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .find((entry) => entry.startsWith('postgres:'));
  if (!line) throw new Error('there is no postgres system user to run PostgreSQL as');
  const [, , uid, gid] = line.split(':');
  return [Number(uid), Number(gid)];
}

/** The newest installed PostgreSQL server's programs (Debian keeps them out of PATH). */
function postgresBinaries(): string {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root)
    ? readdirSync(root)
        .filter((version) => existsSync(join(root, version, 'bin', 'pg_ctl')))
        .sort((a, b) => Number(a) - Number(b))
    : [];
  const newest = versions.pop();
  if (!newest) throw new Error(`no PostgreSQL server under ${root}: run scripts/services.sh up`);
  return join(root, newest, 'bin');
}
