import { EXAMPLE_BODIES, RequestState } from '@enforcement-link/protocol';
import { CourtApi, startCourts } from './support/court-api';
import { TestNetwork } from './support/test-network';
import { waitFor } from './support/wait-for';

describe('forwarding a task to a basic court', () => {
  let network: TestNetwork;
  let xinzhou: CourtApi;
  let yulin: CourtApi;
  let yuyang: CourtApi;

  beforeAll(async () => {
    network = TestNetwork.create();
    ({
      xinzhou,
      yulin,
      'yulin-yuyang': yuyang,
    } = await startCourts(network, {
      xinzhou: {},
      yulin: {},
      'yulin-yuyang': {},
    }));
  });

  afterAll(() => network.cleanup());

  it('lets the new court answer the requesting court directly, keeping it informed', async () => {
    const created = await xinzhou.createDelegation('yulin');
    const sent = `/api/delegations/${created.id}`;
    await yulin.waitForState(`/api/tasks/${created.id}`, RequestState.Delivered);
    const forwarded = await yulin.post(
      `/api/tasks/${created.id}/forward`,
      EXAMPLE_BODIES['request.forwarded'],
    );
    expect(forwarded.forwardedTo).toBe('yulin-yuyang');

    const atYuyang = await yuyang.waitForState(`/api/tasks/${created.id}`, RequestState.Delivered);
    expect(atYuyang).toMatchObject({ requestingCourt: 'xinzhou', receivingCourt: 'yulin-yuyang' });
    await waitForReceivingCourt(xinzhou, sent, 'yulin-yuyang');

    await yuyang.post(`/api/tasks/${created.id}/accept`, {
      receivingCaseNumber: '(2024)陕0802执他12号',
      handler: { name: '刘法官' },
    });
    await yuyang.post(
      `/api/tasks/${created.id}/report-result`,
      EXAMPLE_BODIES['delegation.result-reported'],
    );
    const reported = await xinzhou.waitForState(sent, RequestState.ResultReported);
    expect(reported.receivingCaseNumber).toBe('(2024)陕0802执他12号');
    await xinzhou.post(`${sent}/confirm`, {});
    await yuyang.waitForState(`/api/tasks/${created.id}`, RequestState.Closed);

    const timeline = (await xinzhou.get(sent)).timeline.map(
      (entry) => `${entry.direction} ${entry.type} ${entry.from}`,
    );
    expect(timeline).toEqual([
      'out delegation.requested xinzhou',
      'in request.forwarded yulin',
      'in request.accepted yulin-yuyang',
      'in delegation.result-reported yulin-yuyang',
      'out result.confirmed xinzhou',
    ]);
  });

  it('refuses to forward to a court that does not take the matter', async () => {
    const created = await xinzhou.createDelegation('yulin');
    await yulin.waitForState(`/api/tasks/${created.id}`, RequestState.Delivered);
    const refused = await yulin.call('POST', `/api/tasks/${created.id}/forward`, {
      handlingCourt: 'shaanxi-high',
      reason: '转高院',
    });
    expect(refused.status).toBe(422);
  });
});

function waitForReceivingCourt(api: CourtApi, path: string, court: string): Promise<true> {
  return waitFor(`${path} to name ${court} as its receiving court`, async () =>
    (await api.get(path)).receivingCourt === court ? true : undefined,
  );
}
