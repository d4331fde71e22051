import {
  EXAMPLE_BODIES,
  monitorEventsStreamName,
  newMessageId,
  RejectionReason,
  RequestEscalatedEvent,
  RequestState,
} from '@enforcement-link/protocol';
import { connect } from 'nats';
import { Clock } from '../apps/court-node/src/deadlines/clock';
import { DeadlineWatch } from '../apps/court-node/src/deadlines/deadline-watch.service';
import { CourtApi, RequestResource } from './support/court-api';
import { FakeCourt } from './support/fake-court';
import { NATS_URL, RunningApp, TestNetwork, waitUntilReady } from './support/test-network';
import { waitFor } from './support/wait-for';

const DAY_MS = 86_400_000;

/**
 * Two replicas of Xinzhou's node share its database; Ordos (played by the test) never answers;
 * Ordos's superior court, the Inner Mongolia High Court, runs a node of its own. The test moves
 * both replicas' clocks and runs their deadline checks at the same moment.
 */
describe('the deadline watch', () => {
  let network: TestNetwork;
  let replicas: RunningApp[];
  let xinzhou: CourtApi;
  let innerMongoliaHigh: CourtApi;
  let ordos: FakeCourt;

  beforeAll(async () => {
    network = TestNetwork.create();
    const environment = network.courtNodeEnvironment('xinzhou', {
      DEADLINE_CHECK_INTERVAL_MS: '3600000',
    });
    replicas = [];
    for (let i = 0; i < 2; i++) replicas.push(await network.startCourtNode(environment));
    await Promise.all(replicas.map((replica) => waitUntilReady(replica.url)));
    xinzhou = new CourtApi(replicas[0], network.databaseUrl('xinzhou'));
    const superior = await network.startCourtNode(
      network.courtNodeEnvironment('inner-mongolia-high', {
        DEADLINE_CHECK_INTERVAL_MS: '3600000',
      }),
    );
    await waitUntilReady(superior.url);
    innerMongoliaHigh = new CourtApi(superior, network.databaseUrl('inner-mongolia-high'));
    ordos = await FakeCourt.join(network.namespace, 'ordos');
  });

  afterAll(async () => {
    await ordos.leave();
    await network.cleanup();
  });

  /** Both replicas think it is `at` and check their deadlines together. */
  async function checkBothAt(at: Date): Promise<void> {
    for (const replica of replicas) jest.spyOn(replica.app.get(Clock), 'now').mockReturnValue(at);
    await Promise.all(replicas.map((replica) => replica.app.get(DeadlineWatch).checkDue()));
  }

  /** The escalation events published for the monitor about one request. */
  async function monitorEventsAbout(requestId: string): Promise<RequestEscalatedEvent[]> {
    const connection = await connect({ servers: NATS_URL });
    try {
      const stream = monitorEventsStreamName(network.namespace);
      const consumer = await connection.jetstream().consumers.get(stream);
      const events: RequestEscalatedEvent[] = [];
      for await (const message of await consumer.fetch({ max_messages: 1_000, expires: 1_000 })) {
        if (message.subject.endsWith('.request.escalated')) {
          events.push(message.json<RequestEscalatedEvent>());
        }
      }
      return events.filter((event) => event.requestId === requestId);
    } finally {
      await connection.close();
    }
  }

  /** A delegation Xinzhou sent and Ordos accepted. */
  async function delegationAcceptedByOrdos(): Promise<
    Record<'created' | 'request', RequestResource>
  > {
    const created = await xinzhou.createDelegation('ordos');
    await ordos.receive(['delegation.requested']);
    await ordos.send('request.accepted', 'xinzhou', created.id, EXAMPLE_BODIES['request.accepted']);
    const request = await xinzhou.waitForState(
      `/api/delegations/${created.id}`,
      RequestState.Accepted,
    );
    return { created, request };
  }

  it('reminds at 50% and 80% of the time allowed and escalates when it passes, once each', async () => {
    const created = await xinzhou.createDelegation('ordos');
    await ordos.receive(['delegation.requested']);
    const sent = new Date(created.createdAt);
    const due = new Date(created.dueAt ?? '');
    const fraction = (share: number) =>
      new Date(sent.getTime() + share * (due.getTime() - sent.getTime()));

    await checkBothAt(fraction(0.3));
    await checkBothAt(fraction(0.55));
    await checkBothAt(fraction(0.6));
    const first = await ordos.receive(['request.reminded', 'request.escalated']);
    expect(first.body).toEqual({ elapsedPercent: 50, dueAt: due.toISOString() });

    await checkBothAt(fraction(0.85));
    await checkBothAt(fraction(0.9));
    const second = await ordos.receive(['request.reminded', 'request.escalated']);
    expect(second.body).toEqual({ elapsedPercent: 80, dueAt: due.toISOString() });

    await checkBothAt(new Date(due.getTime() + DAY_MS));
    await checkBothAt(new Date(due.getTime() + 2 * DAY_MS));
    const third = await ordos.receive(['request.reminded', 'request.escalated']);
    expect(third.type).toBe('request.escalated');
    expect(third.body).toMatchObject({
      supervisingCourt: 'inner-mongolia-high',
      overdueSince: due.toISOString(),
    });

    const request = await xinzhou.get(`/api/delegations/${created.id}`);
    expect(request.state).toBe(RequestState.Sent);
    const sentByXinzhou = request.timeline
      .filter((entry) => entry.direction === 'out')
      .map((entry) => entry.type);
    expect(sentByXinzhou).toEqual([
      'delegation.requested',
      'request.reminded',
      'request.reminded',
      'request.escalated',
      'request.escalated',
    ]);
    expect(
      request.timeline
        .filter((entry) => entry.type === 'request.escalated')
        .map((entry) => entry.to),
    ).toEqual(['ordos', 'inner-mongolia-high']);

    const supervised = await waitFor('the superior court to list the escalation', async () =>
      (await innerMongoliaHigh.get<{ requestId: string }[]>('/api/supervision/escalations')).find(
        (escalation) => escalation.requestId === created.id,
      ),
    );
    expect(supervised).toMatchObject({
      requestingCourt: 'xinzhou',
      receivingCourt: 'ordos',
      caseNumber: created.caseNumber,
      overdueSince: due.toISOString(),
    });
    const events = await waitFor('the escalation event', async () => {
      const found = await monitorEventsAbout(created.id);
      return found.length > 0 ? found : undefined;
    });
    expect(events).toEqual([
      expect.objectContaining({
        court: 'xinzhou',
        requestingCourt: 'xinzhou',
        receivingCourt: 'ordos',
        supervisingCourt: 'inner-mongolia-high',
        limit: 'step',
        overdueSince: due.toISOString(),
      }),
    ]);
  });

  it('refuses, as supervising court, an escalation about a court not under it', async () => {
    await ordos.send('request.escalated', 'inner-mongolia-high', newMessageId(), {
      ...EXAMPLE_BODIES['request.escalated'],
      supervisingCourt: 'inner-mongolia-high',
      receivingCourt: 'yulin',
    });
    const rejection = await ordos.receive(['message.rejected']);
    expect(rejection.body).toMatchObject({ reason: RejectionReason.NotAParty });
  });

  it('starts the time allowed afresh when the request moves on', async () => {
    const { created, request } = await delegationAcceptedByOrdos();
    // Fifteen days to finish from the acceptance, not seven from the sending.
    expect(new Date(request.dueAt ?? '').getTime() - Date.now()).toBeGreaterThan(14 * DAY_MS);
    await checkBothAt(new Date(Date.now() + 5 * DAY_MS));
    const after = await xinzhou.get(`/api/delegations/${created.id}`);
    expect(after.timeline.filter((entry) => entry.type === 'request.reminded')).toEqual([]);
  });

  it('asks once for a progress report on a delegation unfinished 30 days after acceptance', async () => {
    const { created, request } = await delegationAcceptedByOrdos();
    const reportDue = new Date(request.progressReportDueAt ?? '');
    expect(reportDue.getTime() - new Date(request.stateSince).getTime()).toBeGreaterThanOrEqual(
      30 * DAY_MS - 1_000,
    );
    const asked = async () =>
      (await xinzhou.get(`/api/delegations/${created.id}`)).timeline.filter(
        (entry) => entry.type === 'progress.requested',
      );

    await checkBothAt(new Date(reportDue.getTime() - DAY_MS));
    expect(await asked()).toEqual([]);
    await checkBothAt(new Date(reportDue.getTime() + 1));
    await checkBothAt(new Date(reportDue.getTime() + DAY_MS));
    expect(await asked()).toHaveLength(1);
    let message = await ordos.receive(['progress.requested']);
    while (message.requestId !== created.id) message = await ordos.receive(['progress.requested']);
    expect(message.body).toEqual({ dueAt: reportDue.toISOString() });
  });

  it('withdraws a request whose requested supplement was not provided in time', async () => {
    const created = await xinzhou.createDelegation('ordos');
    await ordos.receive(['delegation.requested']);
    for (const type of ['request.accepted', 'supplement.requested'] as const) {
      await ordos.send(type, 'xinzhou', created.id, EXAMPLE_BODIES[type]);
    }
    const waiting = await xinzhou.waitForState(
      `/api/delegations/${created.id}`,
      RequestState.AwaitingSupplement,
    );
    const due = new Date(waiting.dueAt ?? '');
    await checkBothAt(new Date(due.getTime() - DAY_MS));
    expect((await xinzhou.get(`/api/delegations/${created.id}`)).state).toBe(
      RequestState.AwaitingSupplement,
    );

    await checkBothAt(new Date(due.getTime() + 1));
    const withdrawn = await ordos.receive(['request.withdrawn']);
    expect(withdrawn.body).toMatchObject({
      reason: expect.stringContaining('deemed withdrawn') as string,
    });
    expect((await xinzhou.get(`/api/delegations/${created.id}`)).state).toBe(
      RequestState.Withdrawn,
    );
  });

  it('raises an alert 30 days before a freeze it asked for lapses', async () => {
    const created = await xinzhou.createDelegation('ordos');
    await ordos.receive(['delegation.requested']);
    const reported = EXAMPLE_BODIES['delegation.result-reported'] as {
      measures: { expiresOn?: string }[];
    };
    const result = { ...reported, documents: [] };
    const expiresOn = result.measures[0].expiresOn as string;
    for (const [type, body] of [
      ['request.accepted', EXAMPLE_BODIES['request.accepted']],
      ['delegation.result-reported', result],
    ] as const) {
      await ordos.send(type, 'xinzhou', created.id, body);
    }
    await xinzhou.waitForState(`/api/delegations/${created.id}`, RequestState.ResultReported);
    const alerts = () =>
      xinzhou.get<{ requestId: string; expiresOn: string }[]>('/api/alerts/expiring-measures');

    const alertDay = new Date(`${expiresOn}T00:00:00+08:00`).getTime() - 30 * DAY_MS;
    await checkBothAt(new Date(alertDay - 1));
    expect((await alerts()).filter((alert) => alert.requestId === created.id)).toEqual([]);
    await checkBothAt(new Date(alertDay));
    await checkBothAt(new Date(alertDay + DAY_MS));
    expect((await alerts()).filter((alert) => alert.requestId === created.id)).toEqual([
      expect.objectContaining({ expiresOn, matterType: 'freeze-deposit' }),
    ]);
  });

  it('escalates, once, a request still open six months after it was sent', async () => {
    const { created } = await delegationAcceptedByOrdos();
    const sent = new Date(created.createdAt);

    await checkBothAt(new Date(sent.getTime() + 170 * DAY_MS));
    await checkBothAt(new Date(sent.getTime() + 190 * DAY_MS));
    await checkBothAt(new Date(sent.getTime() + 200 * DAY_MS));
    const escalations = (await xinzhou.get(`/api/delegations/${created.id}`)).timeline.filter(
      (entry) => entry.type === 'request.escalated',
    );
    // The 15-day step limit passed long before: one escalation for it, one for the whole case,
    // each to Ordos and to its superior court.
    expect(escalations.map((entry) => entry.to).sort()).toEqual([
      'inner-mongolia-high',
      'inner-mongolia-high',
      'ordos',
      'ordos',
    ]);
    const events = await waitFor('both escalation events', async () => {
      const found = await monitorEventsAbout(created.id);
      return found.length === 2 ? found : undefined;
    });
    expect(events.map((event) => event.limit).sort()).toEqual(['step', 'whole-case']);
    const messages = [
      await ordos.receive(['request.escalated']),
      await ordos.receive(['request.escalated']),
    ];
    expect(messages.map((message) => (message.body as { reason: string }).reason)).toEqual(
      expect.arrayContaining([expect.stringContaining('whole-case limit')]),
    );
  });
});
