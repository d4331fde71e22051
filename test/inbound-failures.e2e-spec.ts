import { EXAMPLE_BODIES, RejectionReason, RequestState } from '@enforcement-link/protocol';
import { CourtApi, startCourts } from './support/court-api';
import { FakeCourt } from './support/fake-court';
import { TestNetwork } from './support/test-network';
import { waitFor } from './support/wait-for';

/** Nodes that give up quickly: three deliveries, 100 ms apart at first. */
const IMPATIENT = { INBOX_MAX_DELIVERIES: '3', INBOX_RETRY_DELAY_MS: '100' };

describe('messages that cannot be handled at once', () => {
  let network: TestNetwork;
  let xinzhou: CourtApi;
  let yulin: CourtApi;
  let ordos: FakeCourt;

  beforeAll(async () => {
    network = TestNetwork.create();
    ({ xinzhou, yulin } = await startCourts(network, { xinzhou: IMPATIENT, yulin: IMPATIENT }));
    ordos = await FakeCourt.join(network.namespace, 'ordos');
  });

  afterAll(async () => {
    await ordos.leave();
    await network.cleanup();
  });

  /** Makes every message Yulin handles fail, as a broken database would, until `restore`. */
  async function breakYulinStorage(): Promise<{ restore: () => Promise<void> }> {
    await network.query(yulin.databaseUrl, 'ALTER TABLE requests RENAME TO requests_away');
    return {
      restore: async () => {
        await network.query(yulin.databaseUrl, 'ALTER TABLE requests_away RENAME TO requests');
      },
    };
  }

  it('retries a message whose handling failed, with a delay, until it succeeds', async () => {
    const broken = await breakYulinStorage();
    const created = await xinzhou.createDelegation('yulin');
    await new Promise((resolve) => setTimeout(resolve, 150));
    await broken.restore();

    await yulin.waitForState(`/api/tasks/${created.id}`, RequestState.Delivered);
    await xinzhou.waitForState(`/api/delegations/${created.id}`, RequestState.Delivered);
    expect(await yulin.get<unknown[]>('/api/dead-letters')).toEqual([]);
  });

  it('parks a message that keeps failing in the dead-letter table, and replays it', async () => {
    const broken = await breakYulinStorage();
    const created = await xinzhou.createDelegation('yulin');
    const [parked] = await waitFor('the message to be parked', async () => {
      const letters =
        await yulin.get<{ id: string; subject: string; deliveries: number }[]>('/api/dead-letters');
      return letters.length > 0 ? letters : undefined;
    });
    expect(parked).toMatchObject({
      subject: `${network.namespace}.v1.yulin.xinzhou.delegation.requested`,
      deliveries: 3,
      error: expect.stringContaining('requests') as string,
    });

    await broken.restore();
    const replay = await yulin.post(`/api/dead-letters/${parked.id}/replay`, {});
    expect(replay).toEqual({ outcome: 'processed' });
    expect(await yulin.get<unknown[]>('/api/dead-letters')).toEqual([]);
    await xinzhou.waitForState(`/api/delegations/${created.id}`, RequestState.Delivered);
    const again = await yulin.call('POST', `/api/dead-letters/${parked.id}/replay`, {});
    expect(again.status).toBe(404);
  });

  it('rejects a message about a request from a court that is not part of it, after retrying', async () => {
    const created = await xinzhou.createDelegation('yulin');
    await yulin.waitForState(`/api/tasks/${created.id}`, RequestState.Delivered);
    const meddling = await ordos.send(
      'request.accepted',
      'xinzhou',
      created.id,
      EXAMPLE_BODIES['request.accepted'],
    );
    const answer = await ordos.receive(['message.rejected']);
    expect(answer.body).toMatchObject({
      reason: RejectionReason.NotAParty,
      rejectedMessageId: meddling.id,
    });
    const request = await xinzhou.get(`/api/delegations/${created.id}`);
    expect(request.state).toBe(RequestState.Delivered);
  });
});
