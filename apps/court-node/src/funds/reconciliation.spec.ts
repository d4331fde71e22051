import { ReconcilableTransfer, reconcile } from './reconciliation';

const CASE = '(2024)晋09执123号';
const OTHER_CASE = '(2024)晋09执124号';

function transfer(overrides: Partial<ReconcilableTransfer>): ReconcilableTransfer {
  return {
    id: overrides.bankReference ?? 'transfer',
    direction: 'in',
    fromCourt: 'yulin',
    toCourt: 'xinzhou',
    caseNumber: CASE,
    accountCaseNumber: CASE,
    amountFen: 100,
    confirmedFen: null,
    status: 'IN_TRANSIT',
    bankReference: 'ref',
    ...overrides,
  };
}

describe('reconcile', () => {
  it('balances when every transfer is confirmed for its amount or still in transit', () => {
    const result = reconcile([
      transfer({
        bankReference: 'a',
        amountFen: 1_000_001,
        status: 'CONFIRMED',
        confirmedFen: 1_000_001,
      }),
      transfer({ bankReference: 'b', amountFen: 250 }),
      transfer({ bankReference: 'c', amountFen: 7, accountCaseNumber: OTHER_CASE }),
    ]);
    expect(result.balanced).toBe(true);
    expect(result.mismatches).toEqual([]);
    expect(result.courts).toEqual([
      {
        direction: 'in',
        court: 'yulin',
        transferredFen: 1_000_258,
        confirmedFen: 1_000_001,
        inTransitFen: 257,
        differenceFen: 0,
        balanced: true,
      },
    ]);
    expect(result.cases.map((balance) => [balance.caseNumber, balance.transferredFen])).toEqual([
      [CASE, 1_000_251],
      [OTHER_CASE, 7],
    ]);
  });

  it('reports a confirmation for another amount as a mismatch of its court and case', () => {
    const result = reconcile([
      transfer({
        bankReference: 'short',
        amountFen: 10_000,
        status: 'CONFIRMED',
        confirmedFen: 9_999,
      }),
      transfer({ bankReference: 'fine', amountFen: 5 }),
    ]);
    expect(result.balanced).toBe(false);
    expect(result.courts[0]).toMatchObject({
      transferredFen: 10_005,
      confirmedFen: 9_999,
      inTransitFen: 5,
      differenceFen: 1,
      balanced: false,
    });
    expect(result.cases[0]).toMatchObject({ caseNumber: CASE, differenceFen: 1, balanced: false });
    expect(result.mismatches).toEqual([
      {
        transferId: 'short',
        direction: 'in',
        court: 'yulin',
        caseNumber: CASE,
        bankReference: 'short',
        transferredFen: 10_000,
        confirmedFen: 9_999,
        differenceFen: 1,
      },
    ]);
  });

  it('keeps unmatched transfers apart, counted, until a person matches them', () => {
    const result = reconcile([
      transfer({
        bankReference: 'lost',
        amountFen: 42,
        status: 'UNMATCHED',
        accountCaseNumber: null,
      }),
    ]);
    expect(result).toEqual({
      balanced: true,
      courts: [],
      cases: [],
      mismatches: [],
      unmatched: { count: 1, totalFen: 42 },
    });
  });

  it('keeps the two directions and the courts apart', () => {
    const result = reconcile([
      transfer({ bankReference: 'in' }),
      transfer({ bankReference: 'out', direction: 'out', fromCourt: 'xinzhou', toCourt: 'yulin' }),
      transfer({ bankReference: 'in-2', fromCourt: 'lvliang' }),
    ]);
    expect(result.courts.map((balance) => `${balance.direction} ${balance.court}`)).toEqual([
      'in yulin',
      'out yulin',
      'in lvliang',
    ]);
  });
});
