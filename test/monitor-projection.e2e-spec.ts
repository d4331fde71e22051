import {
  EXAMPLE_BODIES,
  EXAMPLE_MONITOR_EVENTS,
  monitorEventSubject,
  newMessageId,
  RequestState,
} from '@enforcement-link/protocol';
import { connect } from 'nats';
import { CourtApi } from './support/court-api';
import {
  monitorCaughtUp,
  SampleTraffic,
  sendSampleTraffic,
  startMonitoredNetwork,
} from './support/monitored-network';
import { TestSession } from './support/sessions';
import { NATS_URL, TestNetwork } from './support/test-network';
import { waitFor } from './support/wait-for';

type Row = Record<string, unknown>;

/**
 * Xinzhou sends work to Yulin and Ordos, whose nodes answer, return and let a time limit pass;
 * the monitor, reading only the events stream and heartbeats, must show the same picture.
 */
describe('the monitor’s projection of the network', () => {
  let network: TestNetwork;
  let monitor: TestSession;
  let xinzhou: CourtApi;
  let ids: SampleTraffic;

  async function read<T = Row[]>(path: string, status = 200): Promise<T> {
    const response = await monitor.fetch(path);
    const body = (await response.json()) as T;
    if (response.status !== status) {
      throw new Error(`GET ${path} answered ${response.status}: ${JSON.stringify(body)}`);
    }
    return body;
  }

  const caughtUp = () => monitorCaughtUp(monitor);

  beforeAll(async () => {
    network = TestNetwork.create();
    const running = await startMonitoredNetwork(network);
    ({ monitorSession: monitor, xinzhou } = running);
    ids = await sendSampleTraffic(network, running);
  });

  afterAll(() => network.cleanup());

  it('shows the open backlog by court, each request counted for the court that handles it', async () => {
    expect(await read('/api/backlog?by=court')).toEqual([
      {
        court: 'ordos',
        open: 1,
        overdue: 1,
        escalated: 1,
        oldestOpenedAt: expect.any(String) as string,
      },
      {
        court: 'yulin',
        open: 1,
        overdue: 0,
        escalated: 0,
        oldestOpenedAt: expect.any(String) as string,
      },
    ]);
    expect(await read('/api/backlog?by=province')).toEqual([
      expect.objectContaining({ province: 'inner-mongolia', open: 1, overdue: 1 }),
      expect.objectContaining({ province: 'shaanxi', open: 1, overdue: 0 }),
    ]);
    expect(await read('/api/backlog?by=court-pair&requestingCourt=xinzhou')).toEqual([
      expect.objectContaining({ requestingCourt: 'xinzhou', receivingCourt: 'ordos', open: 1 }),
      expect.objectContaining({ requestingCourt: 'xinzhou', receivingCourt: 'yulin', open: 1 }),
    ]);
    expect(await read('/api/backlog?by=state')).toEqual([
      expect.objectContaining({ state: RequestState.Accepted, open: 1 }),
      expect.objectContaining({ state: RequestState.Delivered, open: 1 }),
    ]);
    expect(await read('/api/backlog?by=matter-type&province=shaanxi')).toEqual([
      expect.objectContaining({ matterType: 'freeze-deposit', open: 1 }),
    ]);
  });

  it('puts every open request in an ageing bucket', async () => {
    expect(await read('/api/backlog/ageing?by=network')).toEqual([
      { days0to3: 2, days4to7: 0, days8to15: 0, days16to30: 0, over30Days: 0 },
    ]);
  });

  it('works the backlog back through the last days', async () => {
    const days = await read('/api/backlog/history?by=network&days=3');
    expect(days.map((row) => row.open)).toEqual([0, 0, 2]);
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    expect(days[2].day).toBe(today);
    const byCourt = await read('/api/backlog/history?by=court&days=1');
    expect(byCourt).toEqual([
      { day: today, court: 'ordos', open: 1 },
      { day: today, court: 'yulin', open: 1 },
    ]);
  });

  it('lists the network’s provinces and courts', async () => {
    const { provinces, courts } = await read<{ provinces: Row[]; courts: Row[] }>('/api/courts');
    expect(provinces).toHaveLength(5);
    expect(courts).toContainEqual(
      expect.objectContaining({ code: 'xinzhou', province: 'shanxi', level: 'intermediate' }),
    );
  });

  it('lists the overdue request, with a drill-down to both courts’ timeline', async () => {
    const overdue = await read('/api/overdue');
    expect(overdue).toEqual([
      expect.objectContaining({
        requestId: ids.late,
        requestingCourt: 'xinzhou',
        receivingCourt: 'ordos',
        province: 'inner-mongolia',
        state: RequestState.Delivered,
        escalatedAt: expect.any(String) as string,
      }),
    ]);
    const { request, timeline } = await read<{ request: Row; timeline: Row[] }>(
      `/api/requests/${ids.late}`,
    );
    expect(request).toMatchObject({ state: RequestState.Delivered, wasOverdue: true });
    expect(
      new Set(timeline.map((entry) => `${entry.court as string} ${entry.type as string}`)),
    ).toEqual(
      new Set(['xinzhou request.updated', 'ordos request.updated', 'xinzhou request.escalated']),
    );
    const { party } = EXAMPLE_BODIES['delegation.requested'] as unknown as {
      party: { name: string };
    };
    expect(JSON.stringify(timeline)).not.toContain(party.name);
    await read(`/api/requests/${newMessageId()}`, 404);
  });

  it('reports time limits kept, the return rate with reasons, speed and money', async () => {
    const [figures] = await read('/api/figures?by=network');
    expect(figures).toMatchObject({
      requests: 4,
      concluded: 2,
      concludedWithinLimit: 2,
      withinLimitShare: 1,
      returned: 1,
      returnRate: 0.5,
      recoveredFen: 1_234_500,
      transferredFen: 1_234_500,
      confirmedFen: 1_234_500,
      inTransitFen: 0,
      paidOutFen: 1_234_500,
      paidOutShare: 1,
      daysToPayoutMedian: 4,
      daysToPayoutP95: 4,
    });
    expect(figures.signInHoursMedian).toEqual(expect.any(Number));
    expect(figures.acceptanceHoursP95).toEqual(expect.any(Number));
    expect(await read('/api/figures/return-reasons?by=court')).toEqual([
      { court: 'ordos', reason: 'NOT_IN_JURISDICTION', returned: 1 },
    ]);
    const month = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 7);
    expect(await read(`/api/reports/monthly?month=${month}&by=court`)).toEqual([
      expect.objectContaining({ court: 'ordos', requests: 2, returned: 1 }),
      expect.objectContaining({ court: 'yulin', requests: 2, concluded: 1 }),
    ]);
    expect(await read('/api/reports/monthly?month=2019-01')).toEqual([]);
  });

  it('exports a table as CSV', async () => {
    const response = await monitor.fetch('/api/backlog?by=court&format=csv');
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toContain('backlog.csv');
    const lines = (await response.text())
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('court,open,overdue,escalated,oldestOpenedAt');
    expect(lines.slice(1).map((line) => line.split(',').slice(0, 3).join(','))).toEqual([
      'ordos,1,1',
      'yulin,1,0',
    ]);
  });

  it('knows which court nodes are alive from their heartbeats', async () => {
    const nodes = await waitFor('a heartbeat from each court node', async () => {
      const table = await read('/api/transport/court-nodes');
      return table.filter((node) => !node.silent).length === 3 ? table : undefined;
    });
    const byCourt = new Map(nodes.map((node) => [node.court, node]));
    for (const court of ['xinzhou', 'yulin', 'ordos']) {
      expect(byCourt.get(court)).toMatchObject({ silent: false, deadLetters: 0 });
    }
    expect(byCourt.get('wuhai')).toMatchObject({ nameZh: '乌海市中级人民法院', silent: true });
  });

  it('serves Prometheus metrics on the monitor and on every court node', async () => {
    const monitorMetrics = await (await monitor.fetch('/metrics')).text();
    expect(monitorMetrics).toMatch(
      /^enforcement_link_events_applied_total\{type="request\.updated",service="monitor"\} \d+/m,
    );
    expect(monitorMetrics).toMatch(/^enforcement_link_network_overdue_requests\{[^}]*\} 1$/m);
    expect(monitorMetrics).toMatch(/^enforcement_link_projection_lag_events\{[^}]*\} 0$/m);

    const xinzhouMetrics = await (await xinzhou.fetch('/metrics')).text();
    expect(xinzhouMetrics).toMatch(
      /^enforcement_link_messages_received_total\{type="request\.accepted",outcome="processed",service="court-node",court="xinzhou"\} 1$/m,
    );
    expect(xinzhouMetrics).toMatch(
      /^enforcement_link_messages_published_total\{type="delegation\.requested",[^}]*\} 3$/m,
    );
    expect(xinzhouMetrics).toMatch(/^enforcement_link_message_handling_seconds_bucket\{/m);
    expect(xinzhouMetrics).toMatch(/^enforcement_link_outbox_pending\{[^}]*\} 0$/m);
    expect(xinzhouMetrics).toMatch(/^enforcement_link_consumer_pending\{[^}]*\} \d+$/m);
    expect(xinzhouMetrics).toMatch(/^enforcement_link_dead_letters\{[^}]*\} 0$/m);
    expect(xinzhouMetrics).toMatch(/^process_resident_memory_bytes\{[^}]*\} \d+/m);
  });

  it('answers bad filters with 400 naming the field', async () => {
    const refused = await read<{ fieldErrors: Row[] }>('/api/backlog?by=galaxy&province=mars', 400);
    expect(refused.fieldErrors.map((error) => error.field).sort()).toEqual(['by', 'province']);
  });

  it('stores an event once however often it arrives, and ignores one a court forged', async () => {
    const live = await monitor.fetch('/api/live');
    expect(live.headers.get('content-type')).toContain('text/event-stream');
    const reader = (live.body as ReadableStream<Uint8Array>).getReader();
    const heard = (async () => {
      let text = '';
      while (!text.includes('event: projection')) {
        const { value, done } = await reader.read();
        if (done) break;
        text += Buffer.from(value).toString('utf8');
      }
      return text;
    })();
    const connection = await connect({ servers: NATS_URL });
    try {
      const js = connection.jetstream();
      const replayed = {
        ...EXAMPLE_MONITOR_EVENTS['request.updated'],
        id: newMessageId(),
        requestId: ids.accepted,
        requestingCourt: 'xinzhou',
        occurredAt: new Date().toISOString(),
        stateSince: '2020-01-01T00:00:00Z',
      };
      const subject = monitorEventSubject(network.namespace, 'yulin', 'request.updated');
      // Without Nats-Msg-Id JetStream keeps both copies; the monitor must not.
      await js.publish(subject, JSON.stringify(replayed));
      await js.publish(subject, JSON.stringify(replayed));
      await js.publish(
        monitorEventSubject(network.namespace, 'xinzhou', 'request.updated'),
        JSON.stringify({ ...replayed, id: newMessageId(), court: 'yulin' }),
      );
    } finally {
      await connection.close();
    }
    await caughtUp();
    // The page showing the figures hears that they changed.
    const text = await heard;
    await reader.cancel();
    expect(text).toMatch(/event: projection\n(id: \d+\n)?data: \{"position":\d+\}/);
    const { request, timeline } = await read<{ request: Row; timeline: Row[] }>(
      `/api/requests/${ids.accepted}`,
    );
    // An old snapshot changes nothing: the state stays the newest either court published.
    expect(request).toMatchObject({ state: RequestState.Accepted, recoveredFen: 1_234_500 });
    const old = timeline.filter(
      (entry) => (entry.event as Row).stateSince === '2020-01-01T00:00:00Z',
    );
    expect(old).toHaveLength(1);
    expect(old[0].court).toBe('yulin');
  });

  it('rebuilds the same projection from the stream', async () => {
    const before = await Promise.all(
      ['/api/backlog?by=court-pair', '/api/figures?by=court', '/api/overdue'].map((path) =>
        read(path),
      ),
    );
    const rebuilt = await monitor.fetch('/api/projection/rebuild', { method: 'POST' });
    expect(rebuilt.status).toBe(202);
    await caughtUp();
    const after = await Promise.all(
      ['/api/backlog?by=court-pair', '/api/figures?by=court', '/api/overdue'].map((path) =>
        read(path),
      ),
    );
    expect(after).toEqual(before);
  });
});
