import { execFile } from 'node:child_process';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { connect } from 'nats';
import { Client } from 'pg';
import { freePort } from './support/free-port';
import { PROJECT_ROOT } from './support/service-process';
import { DATABASE_SERVER_URL, NATS_URL } from './support/test-network';

const run = promisify(execFile);

/** scripts/services.sh as the README's commands use it, with its own state folder. */
async function services(command: string, servicesDir: string, environment: NodeJS.ProcessEnv = {}) {
  const { stdout, stderr } = await run('bash', ['scripts/services.sh', command], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, SERVICES_DIR: servicesDir, ...environment },
    timeout: 120_000,
  });
  return { stdout: stdout.trim(), stderr };
}

function exportedUrls(stdout: string): { natsUrl: string; databaseUrl: string } {
  const match = /^export NATS_URL=(\S+) DATABASE_URL=(\S+)$/.exec(stdout);
  if (!match) throw new Error(`unexpected output: ${stdout}`);
  return { natsUrl: match[1], databaseUrl: match[2] };
}

async function jetStreamAnswers(url: string): Promise<boolean> {
  try {
    const connection = await connect({ servers: url, reconnect: false, timeout: 2_000 });
    await (await connection.jetstreamManager()).getAccountInfo();
    await connection.close();
    return true;
  } catch {
    return false;
  }
}

async function postgresAnswers(url: string): Promise<boolean> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

describe('scripts/services.sh', () => {
  let servicesDir: string;

  beforeEach(async () => {
    servicesDir = await mkdtemp(join(tmpdir(), 'enforcement-link-services-'));
    // Run as root, the script hands the PostgreSQL data to the postgres user, who must reach it.
    await chmod(servicesDir, 0o755);
  });

  afterEach(async () => {
    await services('down', servicesDir);
    await rm(servicesDir, { recursive: true, force: true });
  });

  it('uses NATS and PostgreSQL where they already answer, starting nothing', async () => {
    const { stdout } = await services('up', servicesDir, {
      NATS_URL,
      DATABASE_URL: DATABASE_SERVER_URL,
    });

    expect(exportedUrls(stdout)).toEqual({ natsUrl: NATS_URL, databaseUrl: DATABASE_SERVER_URL });
    expect((await services('status', servicesDir)).stdout).toBe(
      'private nats-server: stopped\nprivate PostgreSQL: stopped',
    );
  });

  it('starts private instances on free loopback ports when nothing answers, and stops them', async () => {
    const silent = {
      NATS_URL: `nats://127.0.0.1:${await freePort()}`,
      DATABASE_URL: `postgres://postgres@127.0.0.1:${await freePort()}/postgres`,
    };

    const { natsUrl, databaseUrl } = exportedUrls(
      (await services('up', servicesDir, silent)).stdout,
    );

    expect(natsUrl).toMatch(/^nats:\/\/127\.0\.0\.1:\d+$/);
    expect(databaseUrl).toMatch(/^postgres:\/\/postgres@127\.0\.0\.1:\d+\/postgres$/);
    expect(await jetStreamAnswers(natsUrl)).toBe(true);
    expect(await postgresAnswers(databaseUrl)).toBe(true);

    const again = exportedUrls((await services('up', servicesDir, silent)).stdout);
    expect(again).toEqual({ natsUrl, databaseUrl });

    await services('down', servicesDir);
    expect(await jetStreamAnswers(natsUrl)).toBe(false);
    expect(await postgresAnswers(databaseUrl)).toBe(false);
  });
});
