import { Role } from '@enforcement-link/platform';
import { EXAMPLE_BODIES, RequestState } from '@enforcement-link/protocol';
import { CourtApi, startCourts } from './support/court-api';
import { runCli } from './support/service-process';
import { openTestAccount, sessionAs, signIn, TEST_PASSWORD } from './support/sessions';
import { RunningApp, TestNetwork, waitUntilReady } from './support/test-network';

type Method = 'GET' | 'POST';

/**
 * Who may do what, over real HTTP against two court nodes and the monitor: every endpoint the
 * OpenAPI documents needs a session, each role gets exactly its share, and a session is bound
 * to its service and its account.
 */
describe('access control', () => {
  let network: TestNetwork;
  let xinzhou: CourtApi;
  let yulin: CourtApi;
  let monitor: RunningApp;
  let monitorDatabase: string;
  let delegationId: string;

  beforeAll(async () => {
    network = TestNetwork.create();
    ({ xinzhou, yulin } = await startCourts(network, { xinzhou: {}, yulin: {} }));
    const environment = network.monitorEnvironment();
    monitorDatabase = environment.DATABASE_URL;
    monitor = await network.startMonitor(environment);
    await waitUntilReady(monitor.url);
    delegationId = (await xinzhou.createDelegation('yulin')).id;
    await yulin.waitForState(`/api/tasks/${delegationId}`, RequestState.Delivered);
  });

  afterAll(() => network.cleanup());

  it('answers 401 on every documented endpoint but health, metrics and signing in', async () => {
    for (const service of [xinzhou.node, monitor]) {
      const document = (await (await fetch(`${service.url}/api/docs-json`)).json()) as {
        paths: Record<string, Record<string, unknown>>;
      };
      const open: string[] = [];
      let guarded = 0;
      for (const [path, operations] of Object.entries(document.paths)) {
        for (const method of Object.keys(operations)) {
          const concrete = path.replace(/\{[^}]+\}/g, '0190c4f2-0000-7000-8000-000000000000');
          const response = await fetch(`${service.url}${concrete}`, {
            method: method.toUpperCase(),
            headers: { 'content-type': 'application/json' },
            body: method === 'get' ? undefined : '{}',
          });
          if (response.status === 401) guarded++;
          else open.push(`${method.toUpperCase()} ${path}`);
        }
      }
      expect(open.sort()).toEqual(
        [
          'GET /health/live',
          'GET /health/ready',
          'GET /metrics',
          'POST /api/session',
          'POST /api/session/sign-out',
        ].sort(),
      );
      expect(guarded).toBeGreaterThan(service === monitor ? 10 : 30);
    }
  });

  it.each<[Role, Method, string, boolean]>([
    ['clerk', 'GET', '/api/delegations', true],
    ['clerk', 'POST', '/api/delegations', true],
    ['clerk', 'GET', '/api/funds/reconciliation', true],
    ['clerk', 'GET', '/api/courts', true],
    ['clerk', 'GET', '/api/tasks', false],
    ['clerk', 'POST', '/api/tasks/{task}/accept', false],
    ['clerk', 'GET', '/api/dead-letters', false],
    ['clerk', 'GET', '/api/accounts', false],
    ['handler', 'GET', '/api/tasks', true],
    ['handler', 'GET', '/api/tasks/{task}', true],
    ['handler', 'POST', '/api/tasks/{task}/assign', true],
    ['handler', 'GET', '/api/courts', true],
    ['handler', 'GET', '/api/delegations', false],
    ['handler', 'POST', '/api/delegations', false],
    ['handler', 'POST', '/api/asset-searches', false],
    ['handler', 'GET', '/api/dead-letters', false],
    ['handler', 'POST', '/api/accounts', false],
    ['court-admin', 'GET', '/api/tasks', true],
    ['court-admin', 'GET', '/api/delegations', true],
    ['court-admin', 'GET', '/api/dead-letters', true],
    ['court-admin', 'GET', '/api/accounts', true],
    ['court-admin', 'GET', '/api/supervision/escalations', true],
  ])('lets a %s %s %s: %s', async (role, method, path, allowed) => {
    const court = path.startsWith('/api/tasks') ? yulin : xinzhou;
    const body =
      path === '/api/delegations'
        ? await court.withDocuments({
            ...EXAMPLE_BODIES['delegation.requested'],
            receivingCourt: 'yulin',
          })
        : path.endsWith('/assign')
          ? { assignee: '李四' }
          : path.endsWith('/accept')
            ? EXAMPLE_BODIES['request.accepted']
            : {};
    const response = await court
      .as(role)
      .call(method, path.replace('{task}', delegationId), method === 'POST' ? body : undefined);
    if (allowed) {
      expect([200, 201, 202, 400]).toContain(response.status);
    } else {
      expect(response.status).toBe(403);
      expect(response.body.message).toContain(`not ${role}`);
    }
  });

  it('binds a session to its service: a court admin of Xinzhou is a stranger at Yulin and at the monitor', async () => {
    const { token } = await xinzhou.session();
    for (const url of [yulin.node.url, monitor.url]) {
      const response = await fetch(`${url}/api/courts`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(response.status).toBe(401);
      expect(((await response.json()) as { message: string }).message).toMatch(
        /token is for xinzhou|signature/,
      );
    }
  });

  it('refuses a tampered token, a wrong password and a disabled account', async () => {
    const { token } = await xinzhou.as('clerk').session();
    const [header, claims, signature] = token.split('.');
    const promoted = Buffer.from(
      JSON.stringify({
        ...JSON.parse(Buffer.from(claims, 'base64url').toString()),
        role: 'court-admin',
      }),
    ).toString('base64url');
    const tampered = await fetch(`${xinzhou.node.url}/api/accounts`, {
      headers: { authorization: `Bearer ${header}.${promoted}.${signature}` },
    });
    expect(tampered.status).toBe(401);

    await expect(signIn(xinzhou.node.url, 'test-clerk', 'not the password at all')).rejects.toThrow(
      /401/,
    );

    await openTestAccount(xinzhou.databaseUrl, 'leaving-clerk', 'clerk');
    const leaving = await signIn(xinzhou.node.url, 'leaving-clerk');
    const asLeaving = () =>
      fetch(`${xinzhou.node.url}/api/delegations`, {
        headers: { authorization: `Bearer ${leaving}` },
      });
    expect((await asLeaving()).status).toBe(200);
    await xinzhou.post('/api/accounts/leaving-clerk/disable', {}, 200);
    expect((await asLeaving()).status).toBe(401);
    await expect(signIn(xinzhou.node.url, 'leaving-clerk')).rejects.toThrow(/401/);
  });

  it('lets a court admin open accounts of court roles only, and a new password end old sessions', async () => {
    const created = await xinzhou.post(
      '/api/accounts',
      {
        username: 'wang.fang',
        displayName: '王芳',
        role: 'handler',
        password: 'a long enough password',
      },
      201,
    );
    expect(created).toEqual(
      expect.objectContaining({ username: 'wang.fang', role: 'handler', disabled: false }),
    );
    expect(created).not.toHaveProperty('passwordHash');
    const duplicate = await xinzhou.call('POST', '/api/accounts', {
      username: 'wang.fang',
      displayName: '王芳',
      role: 'handler',
      password: 'a long enough password',
    });
    expect(duplicate.status).toBe(409);
    const foreignRole = await xinzhou.call('POST', '/api/accounts', {
      username: 'li.ming',
      displayName: '李明',
      role: 'command-centre-admin',
      password: 'a long enough password',
    });
    expect(foreignRole.status).toBe(400);
    const shortPassword = await xinzhou.call('POST', '/api/accounts', {
      username: 'li.ming',
      displayName: '李明',
      role: 'clerk',
      password: 'short',
    });
    expect(shortPassword.body.fieldErrors).toEqual([
      { field: 'password', rule: expect.stringContaining('12') as string },
    ]);

    const before = await signIn(xinzhou.node.url, 'wang.fang', 'a long enough password');
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    await xinzhou.post(
      '/api/accounts/wang.fang/password',
      { password: 'another long password' },
      200,
    );
    const old = await fetch(`${xinzhou.node.url}/api/tasks`, {
      headers: { authorization: `Bearer ${before}` },
    });
    expect(old.status).toBe(401);
    await signIn(xinzhou.node.url, 'wang.fang', 'another long password');
  });

  it('signs browsers in with an HTTP-only, same-site cookie that the API accepts', async () => {
    const response = await fetch(`${xinzhou.node.url}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'test-clerk', password: TEST_PASSWORD }),
    });
    const cookie = response.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    const session = await fetch(`${xinzhou.node.url}/api/session`, {
      headers: { cookie: cookie.split(';')[0] },
    });
    expect(await session.json()).toEqual(
      expect.objectContaining({ username: 'test-clerk', role: 'clerk' }),
    );
  });

  it('gives command-centre admins the monitor, and no court role there', async () => {
    const admin = await sessionAs(monitor.url, monitorDatabase, 'command-centre-admin');
    expect((await admin.fetch('/api/backlog?by=court')).status).toBe(200);
    const clerkThere = await admin.fetch('/api/accounts', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        username: 'zhao.lei',
        displayName: '赵雷',
        role: 'clerk',
        password: 'a long enough password',
      }),
    });
    expect(clerkThere.status).toBe(400);
  });

  it('opens the first court admin from the command line', async () => {
    const outcome = await runCli(
      [
        'accounts',
        'add',
        '--database-url',
        xinzhou.databaseUrl,
        '--username',
        'first.admin',
        '--name',
        '首任管理员',
        '--role',
        'court-admin',
      ],
      {},
      { input: 'the first admin password\n' },
    );
    expect(outcome).toEqual(expect.objectContaining({ exitCode: 0 }));
    expect(outcome.stdout).toContain('first.admin');
    const token = await signIn(xinzhou.node.url, 'first.admin', 'the first admin password');
    const accounts = await fetch(`${xinzhou.node.url}/api/accounts`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(accounts.status).toBe(200);

    const again = await runCli(
      [
        'accounts',
        'add',
        '--database-url',
        xinzhou.databaseUrl,
        '--username',
        'first.admin',
        '--name',
        'x',
        '--role',
        'court-admin',
      ],
      {},
      { input: 'the first admin password\n' },
    );
    expect(again.exitCode).toBe(1);
    expect(again.stderr).toContain('exists already');
  });
});
