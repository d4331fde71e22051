import {
  COURT_DIRECTORY_KEY,
  courtDirectoryBucket,
  EXAMPLE_BODIES,
  YELLOW_RIVER_BEND_COURTS,
} from '@enforcement-link/protocol';
import { connect } from 'nats';
import { CourtApi, startCourts } from './support/court-api';
import { NATS_URL, TestNetwork } from './support/test-network';
import { waitFor } from './support/wait-for';

describe('the court directory', () => {
  let network: TestNetwork;
  let xinzhou: CourtApi;
  let delegation: object;

  beforeAll(async () => {
    network = TestNetwork.create();
    ({ xinzhou } = await startCourts(network, { xinzhou: {} }));
    delegation = await xinzhou.withDocuments({ ...EXAMPLE_BODIES['delegation.requested'] });
  });

  afterAll(() => network.cleanup());

  async function publishDirectory(courts: unknown): Promise<void> {
    const connection = await connect({ servers: NATS_URL });
    try {
      const bucket = await connection.jetstream().views.kv(courtDirectoryBucket(network.namespace));
      await bucket.put(COURT_DIRECTORY_KEY, JSON.stringify(courts));
    } finally {
      await connection.close();
    }
  }

  const delegationTo = (court: string) =>
    xinzhou.call('POST', '/api/delegations', { ...delegation, receivingCourt: court });

  it('starts with the Yellow River bend courts', async () => {
    const courts = await xinzhou.get<{ code: string }[]>('/api/courts');
    expect(courts.map((court) => court.code)).toEqual(
      YELLOW_RIVER_BEND_COURTS.map((court) => court.code),
    );
    expect((await delegationTo('shenmu')).status).toBe(422);
  });

  it('follows the directory the network publishes, and ignores an invalid one', async () => {
    const shenmu = {
      code: 'shenmu',
      name: { zh: '神木市人民法院', en: 'Shenmu People’s Court' },
      province: 'shaanxi',
      level: 'basic',
      caseNumberCode: '陕0881',
      divisionCode: '610881',
      superiorCourt: 'yulin',
      matterTypes: ['freeze-deposit', 'seal-vehicle'],
      acceptsAssetSearches: true,
    };
    await publishDirectory([...YELLOW_RIVER_BEND_COURTS, shenmu]);
    await waitFor('Xinzhou to follow the new directory', async () =>
      (await delegationTo('shenmu')).status === 202 ? true : undefined,
    );
    const sealRealEstate = await xinzhou.call('POST', '/api/delegations', {
      ...delegation,
      matterType: 'seal-real-estate',
      receivingCourt: 'shenmu',
    });
    expect(sealRealEstate.status).toBe(422);

    await publishDirectory([{ ...shenmu, superiorCourt: 'atlantis' }]);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect((await delegationTo('shenmu')).status).toBe(202);
  });
});
