import { EXAMPLE_BODIES, RequestState } from '@enforcement-link/protocol';
import { CourtApi, startCourts } from './support/court-api';
import { TestNetwork } from './support/test-network';

const { Delivered, ResultReported, Closed, Returned, Withdrawn, InProgress, Accepted } =
  RequestState;

describe('asset searches and the end of a request', () => {
  let network: TestNetwork;
  let xinzhou: CourtApi;
  let yulin: CourtApi;

  beforeAll(async () => {
    network = TestNetwork.create();
    ({ xinzhou, yulin } = await startCourts(network, {
      xinzhou: {},
      yulin: {
        ASSET_REGISTRY_CATEGORIES: 'bank-deposit,real-estate,vehicle',
        ASSET_REGISTRY_SAMPLE_DATA: 'true',
      },
    }));
  });

  afterAll(() => network.cleanup());

  it('is answered by the local asset registry without a handler, then confirmed', async () => {
    const created = await xinzhou.createAssetSearch('yulin');
    const answered = await xinzhou.waitForState(
      `/api/asset-searches/${created.id}`,
      ResultReported,
    );

    expect(answered.result).toEqual({
      documents: [],
      results: [
        {
          category: 'bank-deposit',
          outcome: 'found',
          assets: [expect.objectContaining({ reference: '6222021208001234567' })],
        },
        {
          category: 'real-estate',
          outcome: 'found',
          assets: [expect.objectContaining({ institution: '榆林市不动产登记中心' })],
        },
        {
          category: 'vehicle',
          outcome: 'found',
          assets: [expect.objectContaining({ reference: '陕K·A1234' })],
        },
      ],
    });
    await xinzhou.post(`/api/asset-searches/${created.id}/confirm`, {});
    await yulin.waitForState(`/api/tasks/${created.id}`, Closed);
  });

  it('answers nothing-found for a party the registry does not know', async () => {
    const created = await xinzhou.createAssetSearch('yulin', {
      party: { kind: 'organisation', name: '某某贸易有限公司', creditCode: '91350100M000100Y43' },
      categories: ['bank-deposit'],
    });
    const answered = await xinzhou.waitForState(
      `/api/asset-searches/${created.id}`,
      ResultReported,
    );
    expect(answered.result).toMatchObject({
      results: [{ category: 'bank-deposit', outcome: 'nothing-found' }],
    });
  });

  it('is left to a handler when the registry does not cover every category, who answers by hand', async () => {
    const created = await xinzhou.createAssetSearch('yulin', { categories: ['securities'] });
    const task = `/api/tasks/${created.id}`;
    await yulin.waitForState(task, Delivered);
    await yulin.post(`${task}/accept`, EXAMPLE_BODIES['request.accepted']);
    await yulin.post(`${task}/answer`, {
      results: [{ category: 'securities', outcome: 'not-searched', reason: '证券登记系统未联网' }],
      documents: [],
    });
    const answered = await xinzhou.waitForState(
      `/api/asset-searches/${created.id}`,
      ResultReported,
    );
    expect(answered.result).toMatchObject({ results: [{ outcome: 'not-searched' }] });
    expect(answered.receivingCaseNumber).toBe('(2024)陕08执他45号');
  });

  it('is answered again by hand when the requesting court disputes the answer', async () => {
    const created = await xinzhou.createAssetSearch('yulin', { categories: ['securities'] });
    const sent = `/api/asset-searches/${created.id}`;
    const task = `/api/tasks/${created.id}`;
    await yulin.waitForState(task, Delivered);
    await yulin.post(`${task}/accept`, EXAMPLE_BODIES['request.accepted']);
    const notSearched = { category: 'securities', outcome: 'not-searched', reason: '系统维护' };
    await yulin.post(`${task}/answer`, { results: [notSearched], documents: [] });
    await xinzhou.waitForState(sent, ResultReported);
    await xinzhou.post(`${sent}/dispute`, EXAMPLE_BODIES['result.disputed']);
    await yulin.waitForState(task, InProgress);
    await yulin.post(`${task}/answer`, {
      results: [{ category: 'securities', outcome: 'nothing-found' }],
      documents: [],
    });
    const answeredAgain = await xinzhou.waitForState(sent, ResultReported);
    expect(answeredAgain.result).toMatchObject({ results: [{ outcome: 'nothing-found' }] });
    await xinzhou.post(`${sent}/confirm`, EXAMPLE_BODIES['result.confirmed']);
    await yulin.waitForState(task, Closed);
  });

  it('ends RETURNED, an asset search as a delegation, when the receiving court returns it', async () => {
    const search = await xinzhou.createAssetSearch('yulin', { categories: ['securities'] });
    await yulin.waitForState(`/api/tasks/${search.id}`, Delivered);
    await yulin.post(`/api/tasks/${search.id}/return`, EXAMPLE_BODIES['request.returned']);
    await xinzhou.waitForState(`/api/asset-searches/${search.id}`, Returned);
  });

  it('ends RETURNED when the receiving court returns it with a reason', async () => {
    const created = await xinzhou.createDelegation('yulin');
    await yulin.waitForState(`/api/tasks/${created.id}`, Delivered);
    await yulin.post(`/api/tasks/${created.id}/return`, EXAMPLE_BODIES['request.returned']);
    const returned = await xinzhou.waitForState(`/api/delegations/${created.id}`, Returned);
    expect(returned.timeline.at(-1)).toMatchObject({ type: 'request.returned', direction: 'in' });
  });

  it('ends WITHDRAWN at both courts when the requesting court withdraws it', async () => {
    const created = await xinzhou.createDelegation('yulin');
    await yulin.waitForState(`/api/tasks/${created.id}`, Delivered);
    await yulin.post(`/api/tasks/${created.id}/accept`, EXAMPLE_BODIES['request.accepted']);
    await xinzhou.waitForState(`/api/delegations/${created.id}`, Accepted);
    await xinzhou.post(
      `/api/delegations/${created.id}/withdraw`,
      EXAMPLE_BODIES['request.withdrawn'],
    );
    await yulin.waitForState(`/api/tasks/${created.id}`, Withdrawn);

    // A progress report the handler sends too late is refused at once, with the state.
    const late = await yulin.call(
      'POST',
      `/api/tasks/${created.id}/report-progress`,
      EXAMPLE_BODIES['progress.reported'],
    );
    expect(late).toEqual({
      status: 409,
      body: expect.objectContaining({ state: Withdrawn }) as object,
    });
  });

  it('lists and filters requests and tasks', async () => {
    const search = await xinzhou.createAssetSearch('yulin', { categories: ['insurance'] });
    const freeze = await xinzhou.createDelegation('yulin');
    const serve = await xinzhou.createDelegation('yulin', { matterType: 'serve-documents' });
    // Baotou runs no node here: its delegation waits in the stream, sent all the same.
    const elsewhere = await xinzhou.createDelegation('baotou');
    for (const { id } of [search, freeze, serve]) {
      await yulin.waitForState(`/api/tasks/${id}`, Delivered);
    }
    await yulin.post(`/api/tasks/${search.id}/assign`, { assignee: '赵法官' });
    type Page = { items: { id: string; kind: string }[]; total: number };
    const ids = async (court: CourtApi, path: string) =>
      (await court.get<Page>(path)).items.map((request) => request.id);

    expect(
      await ids(yulin, '/api/tasks?assignee=%E8%B5%B5%E6%B3%95%E5%AE%98&kind=asset-search'),
    ).toEqual([search.id]);
    const fromXinzhou = await ids(yulin, '/api/tasks?court=xinzhou&kind=delegation');
    expect(fromXinzhou).toEqual(expect.arrayContaining([freeze.id, serve.id]));
    expect(await ids(yulin, '/api/tasks?court=baotou')).toEqual([]);
    const serving = await ids(yulin, '/api/tasks?matterType=serve-documents');
    expect(serving).toContain(serve.id);
    expect(serving).not.toContain(freeze.id);

    const freezesAtYulin = await ids(
      xinzhou,
      '/api/delegations?court=yulin&matterType=freeze-deposit',
    );
    expect(freezesAtYulin).toContain(freeze.id);
    expect(freezesAtYulin).not.toContain(serve.id);
    expect(freezesAtYulin).not.toContain(elsewhere.id);
    expect(await ids(xinzhou, '/api/delegations?court=baotou')).toEqual([elsewhere.id]);
    expect(await ids(xinzhou, '/api/asset-searches?court=baotou')).toEqual([]);

    // The delegation to Baotou is past its due date, as if the days had gone by.
    expect(await ids(xinzhou, '/api/delegations?overdue=true')).toEqual([]);
    await network.query(
      xinzhou.databaseUrl,
      `UPDATE requests SET due_at = now() - interval '1 day' WHERE id = $1`,
      [elsewhere.id],
    );
    expect(await ids(xinzhou, '/api/delegations?overdue=true')).toEqual([elsewhere.id]);
    const onTime = await ids(xinzhou, '/api/delegations?overdue=false');
    expect(onTime).toEqual(expect.arrayContaining([freeze.id, serve.id]));
    expect(onTime).not.toContain(elsewhere.id);
    const inProgress = await xinzhou.get<Page>(`/api/asset-searches?state=${InProgress}`);
    expect(inProgress.total).toBe(0);
  });
});
