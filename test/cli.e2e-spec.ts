import { EXAMPLE_BODIES, RequestState } from '@enforcement-link/protocol';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CourtApi, SAMPLE_PDF, startCourts, withoutDocuments } from './support/court-api';
import { ProcessOutcome, runCli } from './support/service-process';
import { openTestAccount, TEST_PASSWORD } from './support/sessions';
import { RunningApp, TestNetwork, waitUntilReady } from './support/test-network';
import { waitFor } from './support/wait-for';

/**
 * The command line as people and scripts use it: a delegation sent, handled and confirmed,
 * the backlog, dead letters and a court onboarded, each through `enforcement-link ...`.
 */
describe('enforcement-link command line', () => {
  const network = TestNetwork.create();
  const files = mkdtempSync(join(tmpdir(), 'enforcement-link-cli-'));
  let xinzhou: CourtApi;
  let yulin: CourtApi;
  let monitor: RunningApp;

  beforeAll(async () => {
    ({ xinzhou, yulin } = await startCourts(network, { xinzhou: {}, yulin: {} }));
    const monitorEnvironment = network.monitorEnvironment();
    monitor = await network.startMonitor(monitorEnvironment);
    await waitUntilReady(monitor.url);
    await openTestAccount(xinzhou.databaseUrl, 'li.clerk', 'clerk');
    await openTestAccount(yulin.databaseUrl, 'wang.handler', 'handler');
    await openTestAccount(yulin.databaseUrl, 'yulin.admin', 'court-admin');
    await openTestAccount(monitorEnvironment.DATABASE_URL, 'centre', 'command-centre-admin');
  }, 60_000);

  afterAll(async () => {
    rmSync(files, { recursive: true, force: true });
    await network.cleanup();
  });

  /** The command line signed in as `username` at the service at `url`. */
  function cli(url: string, username: string, args: string[]): Promise<ProcessOutcome> {
    return runCli(args, {
      ENFORCEMENT_LINK_URL: url,
      ENFORCEMENT_LINK_USERNAME: username,
      ENFORCEMENT_LINK_PASSWORD: TEST_PASSWORD,
      NATS_URL: network.natsUrl,
      NATS_NAMESPACE: network.namespace,
    });
  }

  function json<T>(outcome: ProcessOutcome): T {
    expect({ exitCode: outcome.exitCode, stderr: outcome.stderr }).toEqual({
      exitCode: 0,
      stderr: '',
    });
    return JSON.parse(outcome.stdout) as T;
  }

  function file(name: string, content: string | Buffer): string {
    const path = join(files, name);
    writeFileSync(path, content);
    return path;
  }

  it('sends a delegation, handles it at the other court and confirms the result', async () => {
    const delegation = withoutDocuments(EXAMPLE_BODIES['delegation.requested']);
    const sent = json<{ id: string; state: string }>(
      await cli(xinzhou.node.url, 'li.clerk', [
        'send',
        'delegation',
        '--to',
        'yulin',
        '--body',
        file('delegation.json', JSON.stringify(delegation)),
        '--case-number',
        '(2025)晋09执88号',
        '--attach',
        `enforcement-ruling=${file('ruling.pdf', SAMPLE_PDF)}`,
        '--json',
      ]),
    );
    expect(sent.state).toBe(RequestState.Sent);

    await yulin.waitForState(`/api/tasks/${sent.id}`, RequestState.Delivered);
    const inbox = json<{ items: { id: string; caseNumber: string }[] }>(
      await cli(yulin.node.url, 'wang.handler', [
        'tasks',
        'list',
        '--state',
        'DELIVERED',
        '--json',
      ]),
    );
    expect(inbox.items).toEqual([
      expect.objectContaining({ id: sent.id, caseNumber: '(2025)晋09执88号' }),
    ]);

    const table = await cli(yulin.node.url, 'wang.handler', ['tasks', 'list']);
    expect(table.stdout).toMatch(/^ID +KIND +STATE +FROM +TO/);
    expect(table.stdout).toContain(`${sent.id}  freeze-deposit  DELIVERED`);

    const accept = ['tasks', 'accept', sent.id, '--case-number', '(2025)陕08执协12号'];
    const accepted = await cli(yulin.node.url, 'wang.handler', [
      ...accept,
      '--handler-name',
      '王书记员',
    ]);
    expect(accepted).toMatchObject({ exitCode: 0, stdout: `${sent.id}  ACCEPTED\n` });

    const result = withoutDocuments(EXAMPLE_BODIES['delegation.result-reported']);
    const reported = await cli(yulin.node.url, 'wang.handler', [
      'tasks',
      'result',
      sent.id,
      '--body',
      file('result.json', JSON.stringify(result)),
      '--attach',
      `receipt=${file('receipt.pdf', SAMPLE_PDF)}`,
    ]);
    expect(reported).toEqual({
      exitCode: 0,
      stdout: `${sent.id}  RESULT_REPORTED\n`,
      stderr: 'uploading receipt.pdf (receipt, 1 KiB)\n',
    });

    await xinzhou.waitForState(`/api/delegations/${sent.id}`, RequestState.ResultReported);
    const shown = await cli(xinzhou.node.url, 'li.clerk', ['requests', 'show', sent.id]);
    expect(shown.exitCode).toBe(0);
    expect(shown.stdout).toContain('RESULT_REPORTED since');
    expect(shown.stdout).toMatch(/in +delegation\.result-reported +yulin +xinzhou/);

    const confirmed = await cli(xinzhou.node.url, 'li.clerk', ['requests', 'confirm', sent.id]);
    expect(confirmed).toMatchObject({ exitCode: 0, stdout: `${sent.id}  CLOSED\n` });

    // The state forbids it now: the service's reason, and exit code 1.
    const again = await cli(yulin.node.url, 'wang.handler', [
      ...accept,
      '--handler-name',
      '王书记员',
    ]);
    expect(again.exitCode).toBe(1);
    expect(again.stderr).toMatch(/answered 409: .*\(state (RESULT_REPORTED|CLOSED)\)/);
  }, 120_000);

  it('names the field and the rule when the court refuses a request, and the usage when the call is wrong', async () => {
    const refused = await cli(xinzhou.node.url, 'li.clerk', [
      'send',
      'asset-search',
      '--to',
      'yulin',
      '--case-number',
      'not a case number',
      '--categories',
      'bank-deposit',
    ]);
    expect(refused.exitCode).toBe(1);
    expect(refused.stderr).toContain('POST /api/asset-searches answered 400: ');
    expect(refused.stderr).toContain('caseNumber: ');

    const wrongId = await cli(xinzhou.node.url, 'li.clerk', [
      'send',
      'asset-search',
      '--to',
      'yulin',
      '--party-name',
      '张三',
      '--party-id',
      '140902198506153312',
    ]);
    expect(wrongId.exitCode).toBe(2);
    expect(wrongId.stderr).toContain('--party-id 140902198506153312: a resident identity number');

    const badPassword = await runCli(['tasks', 'list'], {
      ENFORCEMENT_LINK_URL: yulin.node.url,
      ENFORCEMENT_LINK_USERNAME: 'wang.handler',
      ENFORCEMENT_LINK_PASSWORD: 'not the password',
    });
    expect(badPassword.exitCode).toBe(1);
    expect(badPassword.stderr).toContain('POST /api/session answered 401');

    const unreachable = await cli('http://127.0.0.1:1', 'wang.handler', ['tasks', 'list']);
    expect(unreachable.exitCode).toBe(1);
    expect(unreachable.stderr).toContain('cannot reach http://127.0.0.1:1: ');
  }, 60_000);

  it("shows the network's backlog from the monitor", async () => {
    await cli(xinzhou.node.url, 'li.clerk', [
      'send',
      'asset-search',
      '--to',
      'yulin',
      '--case-number',
      '(2025)晋09执89号',
      '--party-name',
      '张三',
      '--party-id',
      '140902198506153311',
      '--categories',
      'bank-deposit,vehicle',
    ]);
    const rows = await waitFor('the monitor to count the open search', async () => {
      const table = json<{ court: string; open: number }[]>(
        await cli(monitor.url, 'centre', ['backlog', '--by', 'court', '--json']),
      );
      return table.find((row) => row.court === 'yulin' && row.open >= 1) ? table : undefined;
    });
    expect(rows).toEqual(expect.arrayContaining([expect.objectContaining({ court: 'yulin' })]));
    const table = await cli(monitor.url, 'centre', ['backlog', '--by', 'province']);
    expect(table.stdout).toMatch(/^PROVINCE/);
  }, 60_000);

  it('lists dead letters and onboards a court', async () => {
    expect(
      json<unknown[]>(await cli(yulin.node.url, 'yulin.admin', ['dead-letters', 'list', '--json'])),
    ).toEqual([]);
    expect(
      (await cli(yulin.node.url, 'yulin.admin', ['dead-letters', 'replay', '--all'])).stdout,
    ).toBe('no dead letters to replay\n');

    const onboarded = json<{ signingPublicKey: string; environment: Record<string, string> }>(
      await cli('', '', ['onboard', 'court', 'baotou', '--out', join(files, 'baotou'), '--json']),
    );
    expect(onboarded.environment).toEqual({
      COURT_ID: 'baotou',
      NATS_NAMESPACE: network.namespace,
      SIGNING_KEY_SEED_FILE: join(files, 'baotou', 'baotou.signing.seed'),
    });
    const keys = json<{ publicKey: string }[]>(
      await cli('', '', ['keys', 'list', '--court', 'baotou', '--json']),
    );
    expect(keys.map((key) => key.publicKey)).toEqual([onboarded.signingPublicKey]);

    const twice = await cli('', '', ['onboard', 'court', 'baotou', '--out', join(files, 'baotou')]);
    expect(twice.exitCode).toBe(2);
    expect(twice.stderr).toContain('exists already; it is never replaced');
  }, 60_000);
});
