import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { NatsClusterProcess } from '../support/nats-cluster';
import { NatsServerProcess } from '../support/nats-server';
import { PROJECT_ROOT } from '../support/service-process';
import { waitFor } from '../support/wait-for';
import { FaultNetwork, isSettled, Verification } from './fault-network';
import { MixedTraffic } from './mixed-traffic';

const REQUESTS = Number(process.env.FAULT_REQUESTS ?? 2_000);
const BACKLOG = Number(process.env.FAULT_BACKLOG ?? 10_000);
/** How long a part stays down. */
const OUTAGE_MS = 3_000;
const SETTLE_TIMEOUT_MS = Number(process.env.FAULT_SETTLE_SECONDS ?? 900) * 1000;

interface Row {
  fault: string;
  requests: number;
  verification: Verification;
  /** From the failed part's return to the first request sent after it being answered. */
  recoveredMs: number;
  /** From the failed part's return to every request being final everywhere. */
  settledMs: number;
  note?: string;
}
const rows: Row[] = [];

/**
 * Mixed traffic among three court nodes, a fault in the middle of it, then every request
 * compared, id by id, at both courts and in the monitor: it must have reached its final state
 * exactly once, with nothing left unacknowledged in JetStream or unsent in an outbox.
 */
describe('faults under load', () => {
  afterAll(() => report(rows));

  async function underFault(
    fault: string,
    { cluster = false } = {},
    inject: (network: FaultNetwork) => Promise<void>,
  ): Promise<void> {
    const network = await FaultNetwork.start({ cluster });
    const traffic = new MixedTraffic(network.courts, REQUESTS);
    try {
      traffic.start();
      await traffic.whenCreated(Math.floor(REQUESTS / 3));
      await inject(network);
      const restoredAt = Date.now();
      await traffic.probe('xinzhou', 'yulin');
      const recoveredMs = Date.now() - restoredAt;
      await traffic.whenCreated(REQUESTS + 1);
      const verification = await settle(network, traffic);
      rows.push({
        fault,
        requests: traffic.requests.length,
        verification,
        recoveredMs,
        settledMs: Date.now() - restoredAt,
        note: `${traffic.failedCalls} calls found the network down and were made again`,
      });
      expectEverythingFinalOnce(verification);
    } finally {
      await traffic.stop();
      await network.destroy();
    }
  }

  it('a court node killed with SIGKILL mid-burst, then restarted', () =>
    underFault('court node (Yulin) killed with SIGKILL, restarted', {}, async (network) => {
      await network.stopCourt('yulin', 'SIGKILL');
      await sleep(OUTAGE_MS);
      await network.startCourt('yulin');
    }));

  it('PostgreSQL restarted under load', () =>
    underFault('PostgreSQL stopped (immediate) and restarted', {}, async (network) => {
      await network.postgres.stop('immediate');
      await sleep(OUTAGE_MS);
      await network.postgres.start();
    }));

  it('nats-server restarted under load', () =>
    underFault('nats-server stopped and restarted', {}, async (network) => {
      const nats = network.nats as NatsServerProcess;
      await nats.stop();
      await sleep(OUTAGE_MS);
      await nats.start();
    }));

  it('a three-server cluster with R3 streams: one server killed, then a second briefly', () =>
    underFault(
      'NATS cluster (R3): one server killed, then a second (quorum lost, regained)',
      { cluster: true },
      async (network) => {
        const cluster = network.nats as NatsClusterProcess;
        await cluster.kill(0);
        await sleep(2 * OUTAGE_MS);
        await cluster.kill(1);
        await sleep(OUTAGE_MS);
        await cluster.start(1);
        await cluster.start(0);
      },
    ));

  it(`a receiving court offline while ${BACKLOG} messages queue for it, then draining them`, async () => {
    const network = await FaultNetwork.start();
    const traffic = new MixedTraffic(network.courts, BACKLOG, {
      plans: ['asset-search'],
      pairs: [
        ['xinzhou', 'yulin'],
        ['baotou', 'yulin'],
      ],
    });
    try {
      await network.stopCourt('yulin', 'SIGTERM');
      // Clerks send; no one confirms yet, so that only the searches queue for Yulin.
      traffic.start({ clerks: 16, answering: false });
      await traffic.whenCreated(BACKLOG);
      await waitFor(
        `${BACKLOG} messages to wait for Yulin`,
        async () => ((await network.messagesWaitingFor('yulin')) >= BACKLOG ? true : undefined),
        120_000,
      );
      const returnedAt = Date.now();
      await network.startCourt('yulin');
      const drainStartedAt = Date.now();
      await waitFor(
        'Yulin to drain its backlog',
        async () => ((await network.messagesWaitingFor('yulin')) === 0 ? true : undefined),
        SETTLE_TIMEOUT_MS,
      );
      const drainSeconds = (Date.now() - drainStartedAt) / 1000;
      traffic.startAnswering();
      const verification = await settle(network, traffic);
      rows.push({
        fault: `receiving court (Yulin) offline while ${BACKLOG.toLocaleString('en')} searches queue`,
        requests: traffic.requests.length,
        verification,
        recoveredMs: Date.now() - returnedAt,
        settledMs: Date.now() - returnedAt,
        note: `drained ${BACKLOG.toLocaleString('en')} messages in ${drainSeconds.toFixed(1)} s: ${(BACKLOG / drainSeconds).toFixed(0)} messages/s`,
      });
      expectEverythingFinalOnce(verification);
    } finally {
      await traffic.stop();
      await network.destroy();
    }
  });
});

async function settle(network: FaultNetwork, traffic: MixedTraffic): Promise<Verification> {
  const deadline = Date.now() + SETTLE_TIMEOUT_MS;
  let verification = await network.verify(traffic.requests);
  while (!isSettled(verification) && Date.now() < deadline) {
    traffic.assertWorking();
    await sleep(2_000);
    verification = await network.verify(traffic.requests);
  }
  return verification;
}

function expectEverythingFinalOnce(verification: Verification): void {
  expect(verification).toEqual({
    unfinished: [],
    duplicated: [],
    unacknowledged: 0,
    unpublished: 0,
    deadLetters: 0,
    rejected: 0,
  });
}

function report(results: Row[]): void {
  const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  const table = [
    '| fault | requests | lost | duplicated | recovered in | all final after |',
    '| --- | --: | --: | --: | --: | --: |',
    ...results.map(
      (row) =>
        `| ${row.fault} | ${row.requests} | ${row.verification.unfinished.length} | ${row.verification.duplicated.length} | ${seconds(row.recoveredMs)} | ${seconds(row.settledMs)} |`,
    ),
    '',
    ...results.filter((row) => row.note).map((row) => `- ${row.fault}: ${row.note}.`),
  ].join('\n');
  mkdirSync(join(PROJECT_ROOT, 'reports'), { recursive: true });
  writeFileSync(join(PROJECT_ROOT, 'reports', 'fault-results.md'), `${table}\n`);
  process.stdout.write(`\n${table}\n\n(also in reports/fault-results.md)\n`);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
