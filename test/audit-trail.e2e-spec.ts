import {
  CourtHeartbeatEvent,
  EXAMPLE_MONITOR_EVENTS,
  EXAMPLE_BODIES,
  heartbeatSubject,
  parseSubject,
  RequestState,
} from '@enforcement-link/protocol';
import { connect } from 'nats';
import { execFile } from 'node:child_process';
import {
  appendToChain,
  AuditRecord,
  formatChainHead,
} from '../apps/court-node/src/audit/audit-chain';
import { insertRecords, recordFromRow } from '../apps/court-node/src/audit/audit-records.table';
import { CourtApi, startCourts } from './support/court-api';
import { PROJECT_ROOT } from './support/service-process';
import { sessionAs, TestSession } from './support/sessions';
import { NATS_URL, TestNetwork, waitUntilReady } from './support/test-network';
import { waitFor } from './support/wait-for';

const { Delivered, Accepted, InProgress, ResultReported, Closed } = RequestState;

/** Yulin's local registry answers Xinzhou's asset searches by itself. */
const REGISTRY_ANSWERS = {
  ASSET_REGISTRY_CATEGORIES: 'bank-deposit,real-estate,vehicle',
  ASSET_REGISTRY_SAMPLE_DATA: 'true',
};

interface Verification {
  exitCode: number;
  report: {
    intact: boolean;
    records: number;
    head: string | null;
    problemCount: number;
    problems: { sequence: number; kind: string; detail: string }[];
  };
}

/** Runs `enforcement-link audit verify` from source, as an administrator would. */
function auditVerify(databaseUrl: string, ...options: string[]): Promise<Verification> {
  const args = ['audit', 'verify', '--database-url', databaseUrl, '--json', ...options];
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ['-r', '@swc-node/register', 'apps/cli/src/main.ts', ...args],
      { cwd: PROJECT_ROOT, env: { PATH: process.env.PATH } },
      (error, stdout, stderr) => {
        const exitCode = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
        try {
          resolve({ exitCode, report: JSON.parse(stdout) as Verification['report'] });
        } catch {
          reject(new Error(`audit verify exited ${exitCode}: ${stderr}${stdout}`));
        }
      },
    );
  });
}

function firstProblem({ exitCode, report }: Verification) {
  return { exitCode, sequence: report.problems[0]?.sequence, kind: report.problems[0]?.kind };
}

describe('the audit trail of a court node', () => {
  let network: TestNetwork;
  let monitor: TestSession;
  let xinzhou: CourtApi;
  let yulin: CourtApi;
  let requestId: string;
  let startedAt: Date;
  /** Yulin's head as the monitor kept it from Yulin's heartbeats. */
  let witnessedHead: string;

  /** The audit head the monitor keeps for `court`. */
  const headAtMonitor = async (court: string): Promise<string | null> => {
    const response = await monitor.fetch('/api/transport/court-nodes');
    const nodes = (await response.json()) as { court: string; auditHead: string | null }[];
    return nodes.find((node) => node.court === court)?.auditHead ?? null;
  };

  const records = async (court: CourtApi): Promise<AuditRecord[]> =>
    (
      await network.query<Parameters<typeof recordFromRow>[0]>(
        court.databaseUrl,
        'SELECT * FROM audit_records ORDER BY sequence',
      )
    ).map(recordFromRow);

  beforeAll(async () => {
    network = TestNetwork.create();
    const monitorEnvironment = network.monitorEnvironment();
    const monitorApp = await network.startMonitor(monitorEnvironment);
    await waitUntilReady(monitorApp.url);
    monitor = await sessionAs(
      monitorApp.url,
      monitorEnvironment.DATABASE_URL,
      'command-centre-admin',
    );
    const beating = { HEARTBEAT_INTERVAL_SECONDS: '1' };
    ({ xinzhou, yulin } = await startCourts(network, { xinzhou: beating, yulin: beating }));
    startedAt = new Date();
    const created = await xinzhou.createDelegation('yulin');
    requestId = created.id;
    const task = `/api/tasks/${requestId}`;
    await yulin.waitForState(task, Delivered);
    const handler = yulin.as('handler');
    await handler.post(`${task}/assign`, { assignee: '王书记员' });
    await handler.post(`${task}/accept`, EXAMPLE_BODIES['request.accepted']);
    await handler.post(`${task}/report-progress`, EXAMPLE_BODIES['progress.reported']);
    await handler.post(`${task}/report-result`, EXAMPLE_BODIES['delegation.result-reported']);
    await xinzhou.waitForState(`/api/delegations/${requestId}`, ResultReported);
    await xinzhou.post(`/api/delegations/${requestId}/confirm`, EXAMPLE_BODIES['result.confirmed']);
    await yulin.waitForState(task, Closed);
    const [last] = await network.query<{ sequence: string; hash: string }>(
      yulin.databaseUrl,
      'SELECT sequence, hash FROM audit_records ORDER BY sequence DESC LIMIT 1',
    );
    witnessedHead = await waitFor('the monitor to witness Yulin’s audit head', async () => {
      const head = await headAtMonitor('yulin');
      return head === `${last.sequence}:${last.hash}` ? head : undefined;
    });
    // Stopped, so the trail stays as it is while the tests read it and tamper with it.
    await network.stop(xinzhou.node);
    await network.stop(yulin.node);
  });

  afterAll(() => network.cleanup());

  it.each(['xinzhou', 'yulin'])(
    'records at %s every message in and out, with the sending court or the user as actor',
    async (court) => {
      const api = court === 'xinzhou' ? xinzhou : yulin;
      const other = court === 'xinzhou' ? 'yulin' : 'xinzhou';
      const trail = await records(api);
      const inbox = await network.query<{ id: string }>(
        api.databaseUrl,
        'SELECT id FROM inbox_messages',
      );
      const outbox = await network.query<{ id: string; subject: string }>(
        api.databaseUrl,
        'SELECT id, subject FROM outbox_messages',
      );
      const sentToCourts = outbox.filter((message) => parseSubject(message.subject));
      const idsOf = (action: string) =>
        trail.filter((record) => record.action === action).map((record) => record.messageId);

      expect(inbox.length).toBeGreaterThan(2);
      expect(idsOf('message.received').sort()).toEqual(inbox.map((message) => message.id).sort());
      expect(idsOf('message.sent').sort()).toEqual(
        sentToCourts.map((message) => message.id).sort(),
      );
      for (const record of trail.filter((record) => record.action === 'message.received')) {
        expect(record.actor).toEqual({ kind: 'court', court: other });
        expect(record.detail).toMatchObject({
          from: other,
          payloadSha256: expect.any(String) as string,
        });
      }
      for (const record of trail) {
        expect(new Date(record.recordedAt).getTime()).toBeGreaterThanOrEqual(
          startedAt.getTime() - 1_000,
        );
      }
      // Names and identity numbers stay in the requests, not in the trail.
      const text = JSON.stringify(trail);
      expect(text).not.toContain('张三');
      expect(text).not.toContain('140902198506153311');
    },
  );

  it('records every change of the task, in order, with who made it', async () => {
    const changes = (await records(yulin))
      .filter((record) => record.requestId === requestId && record.action.startsWith('request.'))
      .map(({ action, actor, detail }) => ({ action, actor, detail }));
    const handler = { kind: 'user', username: 'test-handler', role: 'handler' };
    const xinzhouCourt = { kind: 'court', court: 'xinzhou' };

    expect(changes).toEqual([
      {
        action: 'request.created',
        actor: xinzhouCourt,
        detail: { kind: 'delegation', side: 'receiving', counterpart: 'xinzhou', state: Delivered },
      },
      {
        action: 'request.changed',
        actor: handler,
        detail: expect.objectContaining({ state: Delivered, changed: ['assignee'] }) as object,
      },
      ...[
        [Delivered, Accepted],
        [Accepted, InProgress],
        [InProgress, ResultReported],
      ].map(([previousState, state]) => ({
        action: 'request.changed',
        actor: handler,
        detail: expect.objectContaining({ previousState, state }) as object,
      })),
      {
        action: 'request.changed',
        actor: xinzhouCourt,
        detail: expect.objectContaining({ previousState: ResultReported, state: Closed }) as object,
      },
    ]);
  });

  it('is witnessed by the monitor, which keeps the highest head when a node announces a lower one', async () => {
    const connection = await connect({ servers: NATS_URL });
    const lower: CourtHeartbeatEvent = {
      ...EXAMPLE_MONITOR_EVENTS['court.heartbeat'],
      court: 'yulin',
      sentAt: new Date().toISOString(),
      auditHead: `1:${'0'.repeat(64)}`,
    };
    connection.publish(heartbeatSubject(network.namespace, 'yulin'), JSON.stringify(lower));
    await connection.drain();
    await waitFor('the monitor to hear the heartbeat', async () => {
      const response = await monitor.fetch('/api/transport/court-nodes');
      const nodes = (await response.json()) as { court: string; lastSeenAt: string }[];
      const seen = nodes.find((node) => node.court === 'yulin')?.lastSeenAt;
      return seen && new Date(seen) >= new Date(lower.sentAt) ? true : undefined;
    });
    expect(await headAtMonitor('yulin')).toBe(witnessedHead);
  });

  it('refuses to change or remove a record', async () => {
    const url = yulin.databaseUrl;
    for (const statement of [
      'UPDATE audit_records SET action = action',
      'DELETE FROM audit_records WHERE sequence = 1',
      'TRUNCATE audit_records',
    ]) {
      await expect(network.query(url, statement)).rejects.toThrow(/append-only/);
    }
  });

  describe('verify, after a superuser disabled the triggers', () => {
    let url: string;
    let original: AuditRecord[];
    let head: AuditRecord;

    beforeAll(async () => {
      url = yulin.databaseUrl;
      original = await records(yulin);
      head = original[original.length - 1];
      await network.query(url, 'ALTER TABLE audit_records DISABLE TRIGGER USER');
    });

    /** Puts the trail back as it was written. */
    afterEach(async () => {
      await network.query(url, 'DELETE FROM audit_records');
      await network.query(url, ...insertRecords(original));
    });

    it('finds both trails intact, and prints the head', async () => {
      for (const court of [xinzhou, yulin]) {
        const { exitCode, report } = await auditVerify(court.databaseUrl);
        const trail = await records(court);
        expect({ exitCode, report }).toEqual({
          exitCode: 0,
          report: {
            intact: true,
            records: trail.length,
            head: formatChainHead(trail[trail.length - 1]),
            problemCount: 0,
            problems: [],
          },
        });
      }
    });

    it('detects a record whose detail was changed', async () => {
      await network.query(
        url,
        `UPDATE audit_records SET detail = jsonb_set(detail, '{from}', '"wuhai"') WHERE sequence = 5`,
      );
      expect(firstProblem(await auditVerify(url))).toEqual({
        exitCode: 1,
        sequence: 5,
        kind: 'changed',
      });
    });

    it('detects a record removed from the middle', async () => {
      await network.query(url, 'DELETE FROM audit_records WHERE sequence = 4');
      expect(firstProblem(await auditVerify(url))).toEqual({
        exitCode: 1,
        sequence: 4,
        kind: 'removed',
      });
    });

    it('detects a forged record inserted after record 3, hashed and linked as the node would', async () => {
      const [forged] = appendToChain(original[2], [
        { ...original[2], detail: { type: 'funds.transferred', from: 'xinzhou' } },
      ]);
      // Later records move up one to make room, as a forger who knows the schema would do.
      await network.query(
        url,
        'UPDATE audit_records SET sequence = sequence + 1000000 WHERE sequence > 3',
      );
      await network.query(
        url,
        'UPDATE audit_records SET sequence = sequence - 999999 WHERE sequence > 1000000',
      );
      await network.query(url, ...insertRecords([forged]));
      expect(firstProblem(await auditVerify(url))).toEqual({
        exitCode: 1,
        sequence: 4,
        kind: 'inserted',
      });
    });

    it('detects the newest records removed, given the head the monitor witnessed', async () => {
      expect(witnessedHead).toBe(formatChainHead(head));
      await network.query(url, 'DELETE FROM audit_records WHERE sequence > $1', [
        head.sequence - 2,
      ]);
      // Without a witness a shortened trail is still a valid chain...
      expect((await auditVerify(url)).exitCode).toBe(0);
      // ...which the head kept outside the database exposes.
      expect(firstProblem(await auditVerify(url, '--expected-head', witnessedHead))).toEqual({
        exitCode: 1,
        sequence: head.sequence - 1,
        kind: 'truncated',
      });
    });
  });
});

describe('the audit trail of a court node run as two replicas', () => {
  it('stays one unbroken chain while both append at once', async () => {
    const network = TestNetwork.create();
    try {
      const { xinzhou } = await startCourts(network, { xinzhou: {}, yulin: REGISTRY_ANSWERS });
      const replicaNode = await network.startCourtNode(network.courtNodeEnvironment('xinzhou'));
      await waitUntilReady(replicaNode.url);
      const replica = new CourtApi(replicaNode, xinzhou.databaseUrl);

      const created = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          (i % 2 ? xinzhou : replica).createAssetSearch('yulin'),
        ),
      );
      for (const { id } of created) {
        await xinzhou.waitForState(`/api/asset-searches/${id}`, ResultReported);
      }

      const { exitCode, report } = await auditVerify(xinzhou.databaseUrl);
      expect({ exitCode, intact: report.intact }).toEqual({ exitCode: 0, intact: true });
      const [creations] = await network.query<{ count: string }>(
        xinzhou.databaseUrl,
        `SELECT count(*) FROM audit_records WHERE action = 'request.created'`,
      );
      expect(creations.count).toBe('20');
    } finally {
      await network.cleanup();
    }
  }, 90_000);
});

describe('the audit trail of requests created at the same moment', () => {
  it('records each against the person who created it, though they share a commit', async () => {
    const network = TestNetwork.create();
    try {
      const { xinzhou } = await startCourts(network, { xinzhou: {}, yulin: REGISTRY_ANSWERS });
      const people = [xinzhou.as('clerk'), xinzhou.as('court-admin')];
      const created = await Promise.all(
        Array.from({ length: 20 }, async (_, i) => ({
          creator: `test-${people[i % 2].role}`,
          id: (await people[i % 2].createAssetSearch('yulin')).id,
        })),
      );
      for (const { id } of created) {
        await xinzhou.waitForState(`/api/asset-searches/${id}`, ResultReported);
      }

      const recorded = await network.query<{ request_id: string; actor: { username?: string } }>(
        xinzhou.databaseUrl,
        `SELECT request_id, actor FROM audit_records WHERE action = 'request.created'`,
      );
      expect(
        Object.fromEntries(recorded.map((record) => [record.request_id, record.actor.username])),
      ).toEqual(Object.fromEntries(created.map(({ id, creator }) => [id, creator])));
      // Records are only ever inserted: a record's xmin is the transaction that created it.
      const [{ transactions }] = await network.query<{ transactions: number }>(
        xinzhou.databaseUrl,
        `SELECT count(DISTINCT xmin::text)::int AS transactions
           FROM audit_records WHERE action = 'request.created'`,
      );
      expect(transactions).toBeLessThan(created.length);
      const { exitCode, report } = await auditVerify(xinzhou.databaseUrl);
      expect({ exitCode, intact: report.intact }).toEqual({ exitCode: 0, intact: true });
    } finally {
      await network.cleanup();
    }
  }, 90_000);
});
