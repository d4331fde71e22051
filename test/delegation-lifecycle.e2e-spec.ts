import { EXAMPLE_BODIES, RequestState } from '@enforcement-link/protocol';
import { CourtApi, startCourts } from './support/court-api';
import { TestNetwork } from './support/test-network';
import { waitFor } from './support/wait-for';

const { Delivered, Accepted, InProgress, AwaitingSupplement, ResultReported, Closed } =
  RequestState;

describe('a delegation between two courts', () => {
  let network: TestNetwork;
  let xinzhou: CourtApi;
  let yulin: CourtApi;

  beforeAll(async () => {
    network = TestNetwork.create();
    ({ xinzhou, yulin } = await startCourts(network, { xinzhou: {}, yulin: {} }));
  });

  afterAll(() => network.cleanup());

  it('goes accepted → progress → supplement → result → disputed → result → confirmed', async () => {
    const startedAt = Date.now();
    const created = await xinzhou.createDelegation('yulin');
    expect(created.state).toBe(RequestState.Sent);
    const sent = `/api/delegations/${created.id}`;
    const task = `/api/tasks/${created.id}`;

    await xinzhou.waitForState(sent, Delivered);
    const received = await yulin.waitForState(task, Delivered);
    expect(received).toMatchObject({ requestingCourt: 'xinzhou', receivingCourt: 'yulin' });

    await yulin.post(`${task}/assign`, { assignee: '王书记员' });
    await yulin.post(`${task}/accept`, EXAMPLE_BODIES['request.accepted']);
    const accepted = await xinzhou.waitForState(sent, Accepted);
    expect(accepted.receivingCaseNumber).toBe('(2024)陕08执他45号');

    await yulin.post(`${task}/report-progress`, EXAMPLE_BODIES['progress.reported']);
    await xinzhou.waitForState(sent, InProgress);

    await yulin.post(`${task}/request-supplement`, EXAMPLE_BODIES['supplement.requested']);
    await xinzhou.waitForState(sent, AwaitingSupplement);
    await xinzhou.post(`${sent}/supplement`, EXAMPLE_BODIES['supplement.provided']);
    await yulin.waitForState(task, InProgress);

    await yulin.post(`${task}/report-result`, EXAMPLE_BODIES['delegation.result-reported']);
    await xinzhou.waitForState(sent, ResultReported);
    await xinzhou.post(`${sent}/dispute`, EXAMPLE_BODIES['result.disputed']);
    await yulin.waitForState(task, InProgress);
    await yulin.post(`${task}/report-result`, EXAMPLE_BODIES['delegation.result-reported']);
    await xinzhou.waitForState(sent, ResultReported);
    await xinzhou.post(`${sent}/confirm`, EXAMPLE_BODIES['result.confirmed']);

    const closedAtYulin = await yulin.waitForState(task, Closed);
    const closed = await xinzhou.waitForState(sent, Closed);
    expect(closed.result).toMatchObject({ outcome: 'completed' });
    expect(closedAtYulin.assignee).toBe('王书记员');
    expect(closed.timeline.map((entry) => `${entry.direction} ${entry.type}`)).toEqual([
      'out delegation.requested',
      'in request.accepted',
      'in progress.reported',
      'in supplement.requested',
      'out supplement.provided',
      'in delegation.result-reported',
      'out result.disputed',
      'in delegation.result-reported',
      'out result.confirmed',
    ]);
    // Each entry keeps the message as it travelled, with when it was sent and recorded here.
    const [requested, , , , provided, firstResult] = closed.timeline;
    expect(requested.body).toMatchObject(
      await xinzhou.withDocuments(EXAMPLE_BODIES['delegation.requested']),
    );
    expect(provided.body).toMatchObject(
      await xinzhou.withDocuments(EXAMPLE_BODIES['supplement.provided']),
    );
    expect(firstResult.body).toMatchObject(
      await yulin.withDocuments(EXAMPLE_BODIES['delegation.result-reported']),
    );
    // Recorded in order; what came in, after Yulin sent it.
    const recorded = closed.timeline.map((entry) => Date.parse(entry.recordedAt));
    expect(recorded).toEqual([...recorded].sort((x, y) => x - y));
    expect(recorded[0]).toBeGreaterThanOrEqual(startedAt);
    for (const entry of closed.timeline.filter(({ direction }) => direction === 'in')) {
      expect(Date.parse(entry.recordedAt)).toBeGreaterThanOrEqual(Date.parse(entry.sentAt));
    }
    // Every message Xinzhou sent was acknowledged by Yulin's transport receipt.
    const outgoing = closed.timeline.filter((entry) => entry.direction === 'out');
    await expect(
      Promise.resolve(outgoing.slice(0, -1).every((entry) => entry.deliveredAt !== null)),
    ).resolves.toBe(true);
  });

  it('moves the due date at both courts when an extension is granted, keeping the reasons', async () => {
    const created = await xinzhou.createDelegation('yulin');
    const sent = `/api/delegations/${created.id}`;
    const task = `/api/tasks/${created.id}`;
    await yulin.waitForState(task, Delivered);
    await yulin.post(`${task}/accept`, EXAMPLE_BODIES['request.accepted']);
    const accepted = await xinzhou.waitForState(sent, Accepted);

    await yulin.post(`${task}/request-extension`, EXAMPLE_BODIES['extension.requested']);
    await waitFor('the extension request to reach Xinzhou', async () =>
      (await xinzhou.get(sent)).timeline.some((entry) => entry.type === 'extension.requested')
        ? true
        : undefined,
    );
    const decided = await xinzhou.post(`${sent}/decide-extension`, {
      granted: true,
      reason: '同意延长十五日。',
    });
    const extendedBy =
      new Date(decided.dueAt ?? '').getTime() - new Date(accepted.dueAt ?? '').getTime();
    expect(extendedBy).toBeGreaterThanOrEqual(15 * 86_400_000);
    expect(extendedBy).toBeLessThan(18 * 86_400_000);
    const timeline = (await xinzhou.get(sent)).timeline;
    expect(timeline.slice(-2).map((entry) => entry.type)).toEqual([
      'extension.requested',
      'extension.decided',
    ]);
    await waitFor('Yulin to move its due date too', async () =>
      (await yulin.get(task)).dueAt === decided.dueAt ? true : undefined,
    );

    const refused = await xinzhou.call(
      'POST',
      `/api/asset-searches/${created.id}/decide-extension`,
      {
        granted: false,
        reason: 'x',
      },
    );
    expect(refused.status).toBe(404);
  });
});
