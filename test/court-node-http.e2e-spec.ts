import { EXAMPLE_BODIES, RequestState } from '@enforcement-link/protocol';
import { CourtApi } from './support/court-api';
import { TestNetwork, waitUntilReady } from './support/test-network';

/** What a clerk's client sees when it gets something wrong; only Xinzhou runs. */
describe('court node HTTP errors', () => {
  let network: TestNetwork;
  let xinzhou: CourtApi;

  beforeAll(async () => {
    network = TestNetwork.create();
    const node = await network.startCourtNode(network.courtNodeEnvironment('xinzhou'));
    await waitUntilReady(node.url);
    xinzhou = new CourtApi(node, network.databaseUrl('xinzhou'));
  });

  afterAll(() => network.cleanup());

  it('answers 400 naming the field and the rule for a bad check digit', async () => {
    const response = await xinzhou.call('POST', '/api/delegations', {
      ...EXAMPLE_BODIES['delegation.requested'],
      receivingCourt: 'yulin',
      party: { kind: 'natural-person', name: '张三', identityNumber: '140902198506153312' },
    });
    expect(response.status).toBe(400);
    expect(response.body.fieldErrors).toEqual([
      {
        field: 'party.identityNumber',
        rule: expect.stringContaining('resident identity number') as string,
      },
    ]);
  });

  it('answers 400 for an unknown field, a missing field and a fractional amount', async () => {
    const withoutContact: Record<string, unknown> = { ...EXAMPLE_BODIES['delegation.requested'] };
    delete withoutContact.contact;
    const response = await xinzhou.call('POST', '/api/delegations', {
      ...withoutContact,
      receivingCourt: 'yulin',
      amount: { fen: 100.5, currency: 'CNY' },
      priority: 'high',
    });
    expect(response.status).toBe(400);
    const fields = (response.body.fieldErrors as { field: string }[]).map((error) => error.field);
    expect(fields).toEqual(expect.arrayContaining(['contact', 'amount.fen', 'priority']));
  });

  it('answers 422 before sending anything to an unknown court or one that does not take the matter', async () => {
    const unknown = await xinzhou.call('POST', '/api/delegations', {
      ...EXAMPLE_BODIES['delegation.requested'],
      receivingCourt: 'atlantis',
    });
    expect(unknown.status).toBe(422);
    expect(unknown.body.fieldErrors).toEqual([
      { field: 'receivingCourt', rule: 'atlantis is not a court of the network directory' },
    ]);

    const itself = await xinzhou.call('POST', '/api/asset-searches', {
      ...EXAMPLE_BODIES['asset-search.requested'],
      receivingCourt: 'xinzhou',
    });
    expect(itself.status).toBe(422);

    const highCourt = await xinzhou.call('POST', '/api/delegations', {
      ...EXAMPLE_BODIES['delegation.requested'],
      receivingCourt: 'shaanxi-high',
    });
    expect(highCourt.status).toBe(422);
    expect(highCourt.body.fieldErrors).toEqual([
      {
        field: 'receivingCourt',
        rule: expect.stringContaining('does not take on freeze-deposit') as string,
      },
    ]);
    const searchAtHighCourt = await xinzhou.call('POST', '/api/asset-searches', {
      ...EXAMPLE_BODIES['asset-search.requested'],
      receivingCourt: 'shaanxi-high',
    });
    expect(searchAtHighCourt.status).toBe(422);
    expect(searchAtHighCourt.body.fieldErrors).toEqual([
      { field: 'receivingCourt', rule: 'shaanxi-high does not take asset searches' },
    ]);
    expect((await xinzhou.get<{ total: number }>('/api/delegations')).total).toBe(0);
    expect((await xinzhou.get<{ total: number }>('/api/asset-searches')).total).toBe(0);
  });

  it('answers 404 for an unknown id and 409 with the state for an action the state forbids', async () => {
    const missing = await xinzhou.call(
      'GET',
      '/api/delegations/0190a3f0-5c00-7000-8000-000000000001',
    );
    expect(missing.status).toBe(404);
    const notUuid = await xinzhou.call('GET', '/api/delegations/42');
    expect(notUuid.status).toBe(400);

    const created = await xinzhou.createDelegation('yulin');
    const asSearch = await xinzhou.call('GET', `/api/asset-searches/${created.id}`);
    expect(asSearch.status).toBe(404);
    const asTask = await xinzhou.call('GET', `/api/tasks/${created.id}`);
    expect(asTask.status).toBe(404);

    const confirm = await xinzhou.call('POST', `/api/delegations/${created.id}/confirm`, {});
    expect(confirm).toEqual({
      status: 409,
      body: {
        statusCode: 409,
        error: 'Conflict',
        message: 'result.confirmed is not allowed in state SENT',
        state: RequestState.Sent,
      },
    });
  });

  it('keeps accepting requests while the receiving court is not running', async () => {
    const created = await xinzhou.createAssetSearch('ordos');
    expect(created.state).toBe(RequestState.Sent);
    const read = await xinzhou.get(`/api/asset-searches/${created.id}`);
    expect(read.timeline).toEqual([
      expect.objectContaining({ direction: 'out', type: 'asset-search.requested', to: 'ordos' }),
    ]);
  });
});
