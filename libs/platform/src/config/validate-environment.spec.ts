import { IsCourtCode } from '@enforcement-link/protocol';
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
