import { EXAMPLE_BODIES, RequestState } from '@enforcement-link/protocol';
import { Clock } from '../../apps/court-node/src/deadlines/clock';
import { DeadlineWatch } from '../../apps/court-node/src/deadlines/deadline-watch.service';
import { CourtApi, startCourts } from './court-api';
import { RunningApp, TestNetwork, waitUntilReady } from './test-network';
import { sessionAs, TestSession } from './sessions';
import { waitFor } from './wait-for';

const DAY_MS = 86_400_000;

/** The monitor and three court nodes: Xinzhou asks, Yulin (with a registry) and Ordos answer. */
export interface MonitoredNetwork {
  monitor: RunningApp;
  /** A command-centre admin signed in to the monitor. */
  monitorSession: TestSession;
  xinzhou: CourtApi;
  yulin: CourtApi;
  ordos: CourtApi;
}

/** The requests `sendSampleTraffic` leaves behind, by what happened to them. */
export interface SampleTraffic {
  /**
   * A delegation Yulin accepted and recovered 12,345.00 yuan on, which it transferred to
   * Xinzhou's case account; Xinzhou confirmed it arrived on 7 May 2024 and paid it out on the
   * 11th: open.
   */
  accepted: string;
  /** A delegation Ordos returned as NOT_IN_JURISDICTION. */
  returned: string;
  /** An asset search Yulin's registry answered and Xinzhou confirmed: closed. */
  searched: string;
  /** A delegation Ordos let lie eight days: overdue and escalated. */
  late: string;
}

export async function startMonitoredNetwork(network: TestNetwork): Promise<MonitoredNetwork> {
  // Figures as they are now: the tests compare them across changes.
  const environment = network.monitorEnvironment({ FIGURES_CACHE_SECONDS: '0' });
  const monitor = await network.startMonitor(environment);
  await waitUntilReady(monitor.url);
  const monitorSession = await sessionAs(
    monitor.url,
    environment.DATABASE_URL,
    'command-centre-admin',
  );
  const quiet = { DEADLINE_CHECK_INTERVAL_MS: '3600000' };
  const courts = await startCourts(network, {
    xinzhou: quiet,
    yulin: {
      ...quiet,
      ASSET_REGISTRY_CATEGORIES: 'bank-deposit,real-estate,vehicle',
      ASSET_REGISTRY_SAMPLE_DATA: 'true',
    },
    ordos: quiet,
  });
  return { monitor, monitorSession, ...courts };
}

/** Real traffic between the courts, each request taken to the end `SampleTraffic` describes. */
export async function sendSampleTraffic(
  network: TestNetwork,
  { monitorSession, xinzhou, yulin, ordos }: MonitoredNetwork,
): Promise<SampleTraffic> {
  const accepted = await xinzhou.createDelegation('yulin');
  await yulin.waitForState(`/api/tasks/${accepted.id}`, RequestState.Delivered);
  await yulin.post(`/api/tasks/${accepted.id}/accept`, EXAMPLE_BODIES['request.accepted']);
  await xinzhou.waitForState(`/api/delegations/${accepted.id}`, RequestState.Accepted);
  const money = { amount: { fen: 1_234_500, currency: 'CNY' }, payer: '中国工商银行榆林分行' };
  const task = `/api/tasks/${accepted.id}`;
  await yulin.post(
    `${task}/recoveries`,
    { ...money, receivedOn: '2024-05-06', bankReference: `KH-${accepted.id}` },
    201,
  );
  await yulin.post(
    `${task}/fund-transfers`,
    { ...money, transferredOn: '2024-05-06', bankReference: `ZF-${accepted.id}` },
    201,
  );
  const transfer = await waitFor('the transfer to reach Xinzhou', async () =>
    (
      await xinzhou.get<{ id: string; requestId: string }[]>('/api/funds/transfers?direction=in')
    ).find((arrived) => arrived.requestId === accepted.id),
  );
  await xinzhou.post(`/api/funds/transfers/${transfer.id}/confirm-receipt`, {
    amount: money.amount,
    receivedOn: '2024-05-07',
  });
  await xinzhou.post(
    '/api/funds/payouts',
    {
      caseNumber: (EXAMPLE_BODIES['delegation.requested'] as { caseNumber: string }).caseNumber,
      amount: money.amount,
      payee: '山西某某商贸有限公司',
      paidOn: '2024-05-11',
      bankReference: `FK-${accepted.id}`,
    },
    201,
  );

  const returned = await xinzhou.createDelegation('ordos');
  await ordos.waitForState(`/api/tasks/${returned.id}`, RequestState.Delivered);
  await ordos.post(`/api/tasks/${returned.id}/return`, {
    reason: 'NOT_IN_JURISDICTION',
    explanation: '被执行人财产不在本院辖区。',
  });
  await xinzhou.waitForState(`/api/delegations/${returned.id}`, RequestState.Returned);

  const searched = await xinzhou.createAssetSearch('yulin', {
    categories: ['bank-deposit'],
    documents: [],
  });
  await xinzhou.waitForState(`/api/asset-searches/${searched.id}`, RequestState.ResultReported);
  await xinzhou.post(
    `/api/asset-searches/${searched.id}/confirm`,
    EXAMPLE_BODIES['result.confirmed'],
  );

  const late = await xinzhou.createDelegation('ordos');
  const delivered = await xinzhou.waitForState(
    `/api/delegations/${late.id}`,
    RequestState.Delivered,
  );
  // A day after its sign-in limit (which a weekend may lengthen), Ordos has neither accepted
  // nor returned it: Xinzhou's watch escalates.
  const clock = jest
    .spyOn(xinzhou.node.app.get(Clock), 'now')
    .mockReturnValue(new Date(new Date(delivered.dueAt ?? '').getTime() + DAY_MS));
  await xinzhou.node.app.get(DeadlineWatch).checkDue();
  clock.mockRestore();
  await waitFor('the late delegation to be escalated', async () => {
    const [request] = await network.query<{ escalated_at: Date | null }>(
      xinzhou.databaseUrl,
      'SELECT escalated_at FROM requests WHERE id = $1',
      [late.id],
    );
    return request.escalated_at ?? undefined;
  });
  await ordos.waitForState(`/api/tasks/${late.id}`, RequestState.Delivered);
  await waitFor('Xinzhou to have published everything', async () => {
    const [{ waiting }] = await network.query<{ waiting: string }>(
      xinzhou.databaseUrl,
      'SELECT count(*) AS waiting FROM outbox_messages WHERE published_at IS NULL',
    );
    return waiting === '0' ? true : undefined;
  });
  await monitorCaughtUp(monitorSession);
  return { accepted: accepted.id, returned: returned.id, searched: searched.id, late: late.id };
}

/** Waits until the monitor has applied everything in the events stream. */
export async function monitorCaughtUp(monitor: TestSession): Promise<void> {
  await waitFor('the monitor to catch up with the events stream', async () => {
    const response = await monitor.fetch('/api/projection');
    const status = (await response.json()) as { lag?: number; position: number };
    return status.lag === 0 && status.position > 0 ? status : undefined;
  });
}
