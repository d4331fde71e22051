import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RequestState } from '@enforcement-link/protocol';
import { FundTransfer } from '../apps/court-node/src/funds/fund-transfer.entity';
import { CourtApi, RequestResource, startCourts } from './support/court-api';
import { openTestAccount, TEST_PASSWORD } from './support/sessions';
import { PROJECT_ROOT } from './support/service-process';
import { RunningApp, TestNetwork, waitUntilReady } from './support/test-network';

const SECTION = '## The API by hand';
/** The case of the tour's delegation and asset search. */
const CASE_NUMBER = '(2024)晋09执123号';
const TOUR_TIMEOUT_MS = 120_000;

interface RequestPage {
  items: RequestResource[];
}

/**
 * The README's tour of the HTTP API, its shell blocks run as they are written against a network
 * like `npm run network`'s (Xinzhou, Yulin with its registry, the monitor), but on this test's
 * own ports, databases and namespace, and with the accounts' password this test opened them
 * with. The blocks that run the command line on `npm run network`'s own databases are left to
 * the command line's own tests (cli, audit-trail, signed-messages, configuration).
 */
describe('the README tour of the API', () => {
  let network: TestNetwork;
  let monitor: RunningApp;
  let xinzhou: CourtApi;
  let yulin: CourtApi;
  let workDirectory: string;
  let printed: string;

  beforeAll(async () => {
    network = TestNetwork.create();
    const monitorEnvironment = network.monitorEnvironment();
    monitor = await network.startMonitor(monitorEnvironment);
    await waitUntilReady(monitor.url);
    ({ xinzhou, yulin } = await startCourts(network, {
      xinzhou: {},
      yulin: {
        ASSET_REGISTRY_CATEGORIES: 'bank-deposit,real-estate,vehicle',
        ASSET_REGISTRY_SAMPLE_DATA: 'true',
      },
    }));
    await openTestAccount(xinzhou.databaseUrl, 'clerk', 'clerk');
    await openTestAccount(yulin.databaseUrl, 'handler', 'handler');
    await openTestAccount(
      monitorEnvironment.DATABASE_URL,
      'command-centre',
      'command-centre-admin',
    );
    workDirectory = mkdtempSync(join(tmpdir(), 'readme-tour-'));
    printed = await runShell(
      tourScript({ xinzhou: xinzhou.node.url, yulin: yulin.node.url, monitor: monitor.url }),
      workDirectory,
    );
  }, TOUR_TIMEOUT_MS + 30_000);

  afterAll(async () => {
    if (workDirectory) rmSync(workDirectory, { recursive: true, force: true });
    await network.cleanup();
  });

  it('takes the delegation through its whole life, closed at both courts', async () => {
    const { items } = await xinzhou.get<RequestPage>('/api/delegations');
    expect(items).toEqual([
      expect.objectContaining({ state: RequestState.Closed, caseNumber: CASE_NUMBER }),
    ]);
    expect((await yulin.get(`/api/tasks/${items[0].id}`)).state).toBe(RequestState.Closed);
  });

  it('moves the money to the case account, confirmed at both courts, and pays it out', async () => {
    for (const [court, direction] of [
      [xinzhou, 'in'],
      [yulin, 'out'],
    ] as const) {
      const transfers = await court.get<FundTransfer[]>(
        `/api/funds/transfers?direction=${direction}`,
      );
      expect(transfers.map((transfer) => transfer.status)).toEqual(['CONFIRMED']);
    }
    expect(printed).toContain('"payee":"山西某某商贸有限公司"');
  });

  it('has the registry answer the asset search, and the clerk close it', async () => {
    const { items } = await xinzhou.get<RequestPage>('/api/asset-searches');
    expect(items.map((search) => search.state).sort()).toEqual([
      RequestState.Closed,
      RequestState.Delivered,
    ]);
  });

  it('shows the mistakes it promises: 400 naming the field, 422, 409 with the state', () => {
    expect(printed).toMatch(/"statusCode":400[^\n]*"field":"party\.identityNumber"/);
    expect(printed).toMatch(/"statusCode":422[^\n]*atlantis/);
    expect(printed).toMatch(/"statusCode":409[^\n]*"state":"CLOSED"/);
  });

  it("answers the monitor's questions about the same traffic", () => {
    expect(printed).toMatch(/"court":"yulin"/);
    expect(printed).toMatch(/^enforcement_link_/m);
  });
});

/** The shell blocks of the README's tour, pointed at this test's services. */
function tourScript(urls: { xinzhou: string; yulin: string; monitor: string }): string {
  const readme = readFileSync(join(PROJECT_ROOT, 'README.md'), 'utf8');
  const start = readme.indexOf(SECTION);
  const section = readme.slice(start, readme.indexOf('\n## ', start + SECTION.length));
  const blocks = [...section.matchAll(/```bash\n([\s\S]*?)```/g)]
    .map(([, block]) => block)
    .filter((block) => !/npm run cli|dist\/apps/.test(block));
  let script = blocks.join('\n');
  for (const [written, actual] of [
    ['http://127.0.0.1:3001', urls.xinzhou],
    ['http://127.0.0.1:3002', urls.yulin],
    ['http://127.0.0.1:3000', urls.monitor],
    ['$(cat .services/network/password)', `'${TEST_PASSWORD}'`],
  ]) {
    if (!script.includes(written)) throw new Error(`the README's tour no longer uses ${written}`);
    script = script.replaceAll(written, actual);
  }
  // A person waits a second for the other court; a test machine running other suites may be
  // slower to deliver, so each of the tour's waits is longer here.
  return `sleep() { command sleep $(( $1 * 2 )); }\n${script}`;
}

function runShell(script: string, cwd: string): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      'bash',
      ['-c', script],
      { cwd, env: { PATH: process.env.PATH }, timeout: TOUR_TIMEOUT_MS, maxBuffer: 16 * 2 ** 20 },
      (error, stdout, stderr) =>
        error
          ? reject(new Error(`the tour failed: ${error.message}\n${stdout}\n${stderr}`))
          : resolve(stdout),
    );
  });
}
