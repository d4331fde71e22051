import { IsCourtCode } from '@enforcement-link/protocol';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createUser } from 'nkeys.js';
import { InvalidEnvironmentError, validateEnvironment } from './validate-environment';
import { ServiceEnvironment } from './service-environment';

class ExampleEnvironment extends ServiceEnvironment {
  @IsCourtCode()
  COURT_ID: string;
}

const valid = {
  COURT_ID: 'xinzhou',
  DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/court_xinzhou',
  AUTH_TOKEN_SECRET: 'a test secret of at least thirty-two characters',
};

function problemsFor(environment: Record<string, string | undefined>): string[] {
  try {
    validateEnvironment(ExampleEnvironment, environment);
  } catch (error) {
    if (error instanceof InvalidEnvironmentError) return error.problems;
    throw error;
  }
  return [];
}

describe('validateEnvironment', () => {
  it('applies defaults to what is not set and converts numbers', () => {
    const config = validateEnvironment(ExampleEnvironment, { ...valid, PORT: '8080' });
    expect(config).toBeInstanceOf(ExampleEnvironment);
    expect(config).toMatchObject({
      COURT_ID: 'xinzhou',
      PORT: 8080,
      HOST: '127.0.0.1',
      NATS_URL: 'nats://127.0.0.1:4222',
      NATS_NAMESPACE: 'enf',
      LOG_LEVEL: 'info',
    });
  });

  it('ignores variables the schema does not declare', () => {
    const config = validateEnvironment(ExampleEnvironment, { ...valid, HOME: '/home/clerk' });
    expect(config).not.toHaveProperty('HOME');
  });

  it('treats an empty value as unset, so the default applies', () => {
    expect(validateEnvironment(ExampleEnvironment, { ...valid, PORT: '' }).PORT).toBe(3000);
  });

  it('accepts a list of NATS servers', () => {
    const NATS_URL = 'nats://10.0.0.1:4222, tls://10.0.0.2:4222';
    expect(validateEnvironment(ExampleEnvironment, { ...valid, NATS_URL }).NATS_URL).toBe(NATS_URL);
  });

  it('names every missing required variable on its own line', () => {
    expect(problemsFor({})).toEqual([
      expect.stringMatching(/^COURT_ID is not set; it must be a court code/),
      expect.stringMatching(/^DATABASE_URL is not set; it must be a postgres:\/\//),
      expect.stringMatching(/^AUTH_TOKEN_SECRET is not set; it must be a random secret/),
    ]);
  });

  it.each([
    ['COURT_ID', 'Xinzhou', /court code/],
    ['COURT_ID', 'xin.zhou', /court code/],
    ['PORT', 'eighty', /integer port number from 1 to 65535/],
    ['PORT', '0', /integer port number from 1 to 65535/],
    ['PORT', '70000', /integer port number from 1 to 65535/],
    ['HOST', 'localhost:3000', /IPv4 or IPv6 address/],
    ['NATS_URL', 'http://127.0.0.1:4222', /nats:\/\/host:port/],
    ['NATS_URL', 'nats://127.0.0.1:4222,not a url', /nats:\/\/host:port/],
    ['NATS_NAMESPACE', 'enf.v1', /namespace/],
    ['NATS_NAMESPACE', 'ENF', /namespace/],
    ['DATABASE_URL', 'mysql://root@127.0.0.1/court', /postgres:\/\//],
    ['DATABASE_URL', 'postgres://postgres@127.0.0.1:5432', /postgres:\/\//],
    ['LOG_LEVEL', 'verbose', /one of fatal, error, warn, info, debug, trace, silent/],
  ])('rejects %s=%s, quoting the value and the rule', (name, value, rule) => {
    const problems = problemsFor({ ...valid, [name]: value });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(`${name} is invalid (${JSON.stringify(value)})`);
    expect(problems[0]).toMatch(rule);
  });

  it('does not repeat a password from a bad URL', () => {
    const [problem] = problemsFor({ ...valid, DATABASE_URL: 'mysql://root:s3cret@db/court' });
    expect(problem).not.toContain('s3cret');
    expect(problem).toContain('mysql://root:***@db/court');
  });

  it('names a bad secret without ever showing it', () => {
    const [problem] = problemsFor({ ...valid, AUTH_TOKEN_SECRET: 'hunter2' });
    expect(problem).toBe(
      'AUTH_TOKEN_SECRET is invalid; it must be a random secret of at least 32 characters, e.g. from openssl rand -base64 48',
    );
  });
});

describe('validateEnvironment: NATS identity and TLS, PostgreSQL TLS', () => {
  const directory = mkdtempSync(join(tmpdir(), 'environment-'));
  afterAll(() => rmSync(directory, { recursive: true, force: true }));

  function file(name: string, content: string, mode = 0o600): string {
    const path = join(directory, name);
    writeFileSync(path, content);
    chmodSync(path, mode);
    return path;
  }

  const userSeed = new TextDecoder().decode(createUser().getSeed());

  it('accepts a user seed file readable only by its owner', () => {
    const NATS_NKEY_SEED_FILE = file('court.nk', `${userSeed}\n`);
    expect(problemsFor({ ...valid, NATS_NKEY_SEED_FILE })).toEqual([]);
  });

  it.each([
    ['a missing file', () => join(directory, 'missing.nk'), /cannot read it: ENOENT/],
    ['a file others can read', () => file('open.nk', userSeed, 0o644), /mode 0644\); chmod 600/],
    ['a file without a seed', () => file('junk.nk', 'SUNOTASEED'), /does not hold a NATS user/],
  ])('refuses %s as NATS_NKEY_SEED_FILE, without printing its content', (_what, path, why) => {
    const [problem] = problemsFor({ ...valid, NATS_NKEY_SEED_FILE: path() });
    expect(problem).toMatch(/^NATS_NKEY_SEED_FILE is invalid.*a NATS user nkey seed/);
    expect(problem).toMatch(why);
    expect(problem).not.toContain(userSeed);
  });

  it('wants a client certificate and its key together', () => {
    const [problem, ...others] = problemsFor({
      ...valid,
      NATS_TLS_CERT_FILE: file('no-cert.pem', 'x'),
    });
    expect(others).toEqual([]);
    expect(problem).toMatch(/^NATS_TLS_CERT_FILE is invalid/);
    expect(problem).toContain('set together with NATS_TLS_KEY_FILE');
    expect(problem).toContain('it holds no PEM certificate');
  });

  it('reads DATABASE_SSL_MODE and refuses a CA file it would not use', () => {
    expect(problemsFor({ ...valid, DATABASE_SSL_MODE: 'verify-full' })).toEqual([]);
    expect(problemsFor({ ...valid, DATABASE_SSL_MODE: 'prefer' })).toEqual([
      expect.stringMatching(
        /^DATABASE_SSL_MODE is invalid .*disable, require, verify-ca, verify-full/,
      ),
    ]);
    expect(
      problemsFor({ ...valid, DATABASE_SSL_MODE: 'require', DATABASE_SSL_CA_FILE: '/ca.pem' }),
    ).toEqual([
      expect.stringMatching(/DATABASE_SSL_CA_FILE .*only with DATABASE_SSL_MODE verify-ca/),
    ]);
  });

  it('refuses TLS set both in DATABASE_URL and DATABASE_SSL_MODE', () => {
    const DATABASE_URL = `${valid.DATABASE_URL}?sslmode=require`;
    expect(problemsFor({ ...valid, DATABASE_URL })).toEqual([]);
    expect(problemsFor({ ...valid, DATABASE_URL, DATABASE_SSL_MODE: 'require' })).toEqual([
      expect.stringMatching(/^DATABASE_URL .*TLS is set in one place/),
    ]);
  });

  it('knows only the self and admin provisioning modes', () => {
    expect(problemsFor({ ...valid, NATS_PROVISIONING: 'admin' })).toEqual([]);
    expect(problemsFor({ ...valid, NATS_PROVISIONING: 'none' })).toEqual([
      expect.stringMatching(/^NATS_PROVISIONING is invalid .*one of self, admin/),
    ]);
  });
});
