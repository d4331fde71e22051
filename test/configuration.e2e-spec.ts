import { freePort } from './support/free-port';
import { runBuiltService } from './support/service-process';
import { TestNetwork } from './support/test-network';

describe('start-up configuration of the built services', () => {
  let network: TestNetwork;

  beforeAll(() => {
    network = TestNetwork.create();
  });

  afterAll(() => network.cleanup());

  it('a court node without COURT_ID, DATABASE_URL and its signing key exits 1 naming each', async () => {
    const outcome = await runBuiltService('court-node', network.sharedEnvironment());

    expect(outcome.exitCode).toBe(1);
    expect(outcome.stderr.trim().split('\n')).toEqual([
      'Refusing to start: invalid configuration',
      expect.stringMatching(/^ {2}COURT_ID is not set; it must be a court code/),
      "  SIGNING_KEY_SEED_FILE is not set; it must be a readable file holding the court's nkeys seed, SU...",
      expect.stringMatching(/^ {2}DATABASE_URL is not set; it must be a postgres:\/\//),
    ]);
  });

  it('a court node whose seed file is not a seed exits 1 saying why', async () => {
    const outcome = await runBuiltService('court-node', {
      ...network.sharedEnvironment(),
      COURT_ID: 'xinzhou',
      DATABASE_URL: network.databaseUrl('xinzhou'),
      SIGNING_KEY_SEED_FILE: __filename,
    });

    expect(outcome.exitCode).toBe(1);
    expect(outcome.stderr).toContain(`SIGNING_KEY_SEED_FILE is invalid ("${__filename}")`);
    expect(outcome.stderr).toContain('nkeys');
  });

  it('a court node with malformed values exits 1 naming each one and its rule', async () => {
    const outcome = await runBuiltService('court-node', {
      ...network.sharedEnvironment(),
      COURT_ID: '忻州',
      PORT: 'eighty',
      NATS_URL: 'http://127.0.0.1:4222',
      DATABASE_URL: network.databaseUrl('xinzhou'),
      AUTH_TOKEN_SECRET: 'too short',
    });

    expect(outcome.exitCode).toBe(1);
    expect(outcome.stderr).toContain('COURT_ID is invalid ("忻州"); it must be a court code');
    expect(outcome.stderr).toContain('PORT is invalid ("eighty"); it must be an integer port');
    expect(outcome.stderr).toContain('NATS_URL is invalid ("http://127.0.0.1:4222")');
    expect(outcome.stderr).toContain(
      'AUTH_TOKEN_SECRET is invalid; it must be a random secret of at least 32 characters',
    );
    expect(outcome.stderr).not.toContain('too short');
    expect(outcome.stderr).not.toContain('DATABASE_URL');
  });

  it('a monitor without DATABASE_URL exits 1 naming it', async () => {
    const outcome = await runBuiltService('monitor', network.sharedEnvironment());

    expect(outcome.exitCode).toBe(1);
    expect(outcome.stderr).toMatch(/DATABASE_URL is not set/);
  });

  it('a court node pointed at another court’s database exits 1 with the reason', async () => {
    const xinzhouDatabase = network.databaseUrl('xinzhou');
    await network.stop(
      await network.startCourtNode(
        network.courtNodeEnvironment('xinzhou', { DATABASE_URL: xinzhouDatabase }),
      ),
    );

    const outcome = await runBuiltService('court-node', {
      ...network.sharedEnvironment(),
      ...(await network.signingEnvironment('yulin')),
      COURT_ID: 'yulin',
      DATABASE_URL: xinzhouDatabase,
      PORT: String(await freePort()),
    });

    expect(outcome.exitCode).toBe(1);
    expect(outcome.stderr).toMatch(/Failed to start: database ".*_xinzhou" belongs to "xinzhou"/);
  });
});
