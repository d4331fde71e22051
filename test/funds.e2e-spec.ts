import {
  EXAMPLE_BODIES,
  FundsTransferredBody,
  newMessageId,
  RejectionReason,
  RequestState,
} from '@enforcement-link/protocol';
import { CourtApi, startCourts } from './support/court-api';
import { FakeCourt } from './support/fake-court';
import { TestNetwork } from './support/test-network';
import { waitFor } from './support/wait-for';

const CASE_NUMBER = (EXAMPLE_BODIES['funds.transferred'] as FundsTransferredBody).caseNumber;

interface Transfer {
  id: string;
  bankReference: string;
  status: string;
  amountFen: number;
  confirmedFen: number | null;
  accountCaseNumber: string | null;
  unmatchedReason: string | null;
  requestId: string;
}

function yuan(fen: number) {
  return { fen, currency: 'CNY' };
}

describe('enforcement funds, one case one account', () => {
  let network: TestNetwork;
  let xinzhou: CourtApi;
  let yulin: CourtApi;
  let ordos: FakeCourt;

  beforeAll(async () => {
    network = TestNetwork.create();
    ({ xinzhou, yulin } = await startCourts(network, { xinzhou: {}, yulin: {} }));
    ordos = await FakeCourt.join(network.namespace, 'ordos');
  });

  afterAll(async () => {
    await ordos.leave();
    await network.cleanup();
  });

  const transfersAt = (court: CourtApi, query: string) =>
    court.get<Transfer[]>(`/api/funds/transfers?${query}`);

  const transferAt = (court: CourtApi, query: string, bankReference: string, status: string) =>
    waitFor(`${bankReference} to be ${status}`, async () =>
      (await transfersAt(court, query)).find(
        (transfer) => transfer.bankReference === bankReference && transfer.status === status,
      ),
    );

  it('moves recovered money to the case account and out to the winning party, reconciled to the fen', async () => {
    const created = await xinzhou.createDelegation('yulin');
    const task = `/api/tasks/${created.id}`;
    await yulin.waitForState(task, RequestState.Delivered);
    await yulin.post(`${task}/accept`, EXAMPLE_BODIES['request.accepted']);

    await yulin.post(
      `${task}/recoveries`,
      {
        amount: yuan(10_000_000),
        payer: '中国工商银行榆林分行',
        receivedOn: '2024-05-06',
        bankReference: 'KH-0506-1',
      },
      201,
    );
    const transfer = (bankReference: string, fen: number) => ({
      amount: yuan(fen),
      payer: '中国工商银行榆林分行',
      transferredOn: '2024-05-06',
      bankReference,
    });
    const tooMuch = await yulin.call(
      'POST',
      `${task}/fund-transfers`,
      transfer('ZF-X', 10_000_001),
    );
    expect(tooMuch.status).toBe(422);
    expect(tooMuch.body.fieldErrors).toEqual([
      { field: 'amount.fen', rule: expect.stringContaining('at most 10000000 fen') as string },
    ]);
    const sent = await yulin.post<Transfer>(
      `${task}/fund-transfers`,
      transfer('ZF-1', 6_000_000),
      201,
    );
    expect(sent).toMatchObject({ status: 'IN_TRANSIT', accountCaseNumber: CASE_NUMBER });
    await yulin.post(`${task}/fund-transfers`, transfer('ZF-2', 4_000_000), 201);
    const reused = await yulin.call('POST', `${task}/fund-transfers`, transfer('ZF-2', 1));
    expect(reused.status).toBe(422);

    const first = await transferAt(xinzhou, 'direction=in', 'ZF-1', 'IN_TRANSIT');
    const second = await transferAt(xinzhou, 'direction=in', 'ZF-2', 'IN_TRANSIT');
    expect(first).toMatchObject({
      amountFen: 6_000_000,
      accountCaseNumber: CASE_NUMBER,
      requestId: created.id,
    });
    expect(await xinzhou.get('/api/funds/reconciliation')).toMatchObject({
      balanced: true,
      courts: [
        {
          direction: 'in',
          court: 'yulin',
          transferredFen: 10_000_000,
          confirmedFen: 0,
          inTransitFen: 10_000_000,
          differenceFen: 0,
        },
      ],
    });

    // Nothing is in the account until receipt is confirmed.
    const early = await xinzhou.call('POST', '/api/funds/payouts', {
      caseNumber: CASE_NUMBER,
      amount: yuan(1),
      payee: '山西某某商贸有限公司',
      paidOn: '2024-05-06',
      bankReference: 'FK-0',
    });
    expect(early.status).toBe(422);

    await xinzhou.post(`/api/funds/transfers/${first.id}/confirm-receipt`, {
      amount: yuan(6_000_000),
      receivedOn: '2024-05-07',
    });
    const again = await xinzhou.call('POST', `/api/funds/transfers/${first.id}/confirm-receipt`, {
      amount: yuan(6_000_000),
      receivedOn: '2024-05-07',
    });
    expect(again).toMatchObject({ status: 409, body: { state: 'CONFIRMED' } });
    await transferAt(yulin, 'direction=out', 'ZF-1', 'CONFIRMED');
    expect(await yulin.get('/api/funds/reconciliation')).toMatchObject({
      balanced: true,
      courts: [
        {
          direction: 'out',
          court: 'xinzhou',
          transferredFen: 10_000_000,
          confirmedFen: 6_000_000,
          inTransitFen: 4_000_000,
        },
      ],
    });

    // The bank delivered one fen less than was sent: both courts see the mismatch.
    await xinzhou.post(`/api/funds/transfers/${second.id}/confirm-receipt`, {
      amount: yuan(3_999_999),
      receivedOn: '2024-05-08',
    });
    await transferAt(yulin, 'direction=out', 'ZF-2', 'CONFIRMED');
    for (const court of [xinzhou, yulin]) {
      const reconciliation = await court.get<Record<string, unknown>>('/api/funds/reconciliation');
      expect(reconciliation).toMatchObject({
        balanced: false,
        cases: [
          {
            caseNumber: CASE_NUMBER,
            transferredFen: 10_000_000,
            confirmedFen: 9_999_999,
            inTransitFen: 0,
            differenceFen: 1,
            balanced: false,
          },
        ],
        mismatches: [
          {
            bankReference: 'ZF-2',
            transferredFen: 4_000_000,
            confirmedFen: 3_999_999,
            differenceFen: 1,
          },
        ],
      });
    }

    const payout = (bankReference: string, fen: number, paidOn: string) => ({
      caseNumber: CASE_NUMBER.replace('(', '（').replace(')', '）'),
      amount: yuan(fen),
      payee: '山西某某商贸有限公司',
      paidOn,
      bankReference,
    });
    await xinzhou.post('/api/funds/payouts', payout('FK-1', 6_000_000, '2024-05-10'), 201);
    const overdraft = await xinzhou.call(
      'POST',
      '/api/funds/payouts',
      payout('FK-2', 4_000_000, '2024-05-17'),
    );
    expect(overdraft.status).toBe(422);
    expect(overdraft.body.fieldErrors).toEqual([
      { field: 'amount.fen', rule: expect.stringContaining('at most 3999999 fen') as string },
    ]);
    await xinzhou.post('/api/funds/payouts', payout('FK-2', 3_999_999, '2024-05-17'), 201);

    expect(await xinzhou.get('/api/funds/figures')).toEqual([
      {
        court: 'yulin',
        transfersArrived: 2,
        transfersPaidOut: 2,
        arrivedFen: 9_999_999,
        paidOutFen: 9_999_999,
        sharePaidOut: 1,
        daysToPayout: { mean: 6, median: 6, p95: 9 },
      },
    ]);
    const delegation = await xinzhou.get(`/api/delegations/${created.id}`);
    expect(delegation.timeline.map((entry) => `${entry.direction} ${entry.type}`)).toEqual([
      'out delegation.requested',
      'in request.accepted',
      'in funds.transferred',
      'in funds.transferred',
      'out funds.receipt-confirmed',
      'out funds.receipt-confirmed',
    ]);
  });

  it('keeps a transfer for an unknown case, flagged until a person matches it', async () => {
    const requestId = newMessageId();
    await ordos.send('funds.transferred', 'xinzhou', requestId, {
      ...EXAMPLE_BODIES['funds.transferred'],
      caseNumber: '(2024)晋09执999号',
      amount: yuan(123_456),
      bankReference: 'ORDOS-77',
    });
    // Stored and acknowledged like any message, never rejected.
    const receipt = await ordos.receive(['message.delivered', 'message.rejected']);
    expect(receipt.type).toBe('message.delivered');

    const flagged = await transferAt(xinzhou, 'status=UNMATCHED', 'ORDOS-77', 'UNMATCHED');
    expect(flagged).toMatchObject({
      amountFen: 123_456,
      accountCaseNumber: null,
      unmatchedReason: 'xinzhou sent no request under case number (2024)晋09执999号',
    });
    expect(await xinzhou.get('/api/funds/reconciliation')).toMatchObject({
      unmatched: { count: 1, totalFen: 123_456 },
    });
    const unconfirmable = await xinzhou.call(
      'POST',
      `/api/funds/transfers/${flagged.id}/confirm-receipt`,
      {
        amount: yuan(123_456),
        receivedOn: '2024-05-09',
      },
    );
    expect(unconfirmable).toMatchObject({ status: 409, body: { state: 'UNMATCHED' } });
    const wrongCase = await xinzhou.call('POST', `/api/funds/transfers/${flagged.id}/match`, {
      caseNumber: '(2024)晋09执998号',
    });
    expect(wrongCase.status).toBe(422);

    const matched = await xinzhou.post<Transfer>(`/api/funds/transfers/${flagged.id}/match`, {
      caseNumber: CASE_NUMBER,
    });
    expect(matched).toMatchObject({ status: 'IN_TRANSIT', accountCaseNumber: CASE_NUMBER });
    await xinzhou.post(`/api/funds/transfers/${flagged.id}/confirm-receipt`, {
      amount: yuan(123_456),
      receivedOn: '2024-05-09',
    });
    const confirmation = await ordos.receive(['funds.receipt-confirmed']);
    expect(confirmation).toMatchObject({
      requestId,
      body: { bankReference: 'ORDOS-77', amount: yuan(123_456), receivedOn: '2024-05-09' },
    });
    expect(await xinzhou.get('/api/funds/reconciliation')).toMatchObject({
      unmatched: { count: 0, totalFen: 0 },
    });
  });

  it('rejects a confirmation of a transfer the court never made', async () => {
    const requestId = newMessageId();
    await ordos.send(
      'delegation.requested',
      'yulin',
      requestId,
      await yulin.withDocuments({ ...EXAMPLE_BODIES['delegation.requested'] }),
    );
    await yulin.waitForState(`/api/tasks/${requestId}`, RequestState.Delivered);
    await ordos.send('funds.receipt-confirmed', 'yulin', requestId, {
      ...EXAMPLE_BODIES['funds.receipt-confirmed'],
      bankReference: 'NEVER-SENT',
    });
    const rejection = await ordos.receive(['message.rejected']);
    expect(rejection.body).toMatchObject({ reason: RejectionReason.UnknownTransfer });
    expect(await yulin.get(`/api/tasks/${requestId}`)).toMatchObject({
      state: RequestState.Delivered,
    });
  });
});
