import { ArrivedTransfer, PaidOut, payoutFigures } from './payout-figures';

const CASE = '(2024)晋09执123号';

function arrived(
  fromCourt: string,
  confirmedFen: number,
  receivedOn: string,
  caseNumber = CASE,
): ArrivedTransfer {
  return { fromCourt, accountCaseNumber: caseNumber, confirmedFen, receivedOn };
}

function paid(amountFen: number, paidOn: string, caseNumber = CASE): PaidOut {
  return { caseNumber, amountFen, paidOn };
}

describe('payoutFigures', () => {
  it('pays the money that arrived first first, and counts calendar days to the last fen', () => {
    const [yulin] = payoutFigures(
      [arrived('yulin', 300, '2024-05-01'), arrived('yulin', 200, '2024-05-03')],
      [paid(100, '2024-05-02'), paid(300, '2024-05-11')],
    );
    // The first transfer is paid in full on 05-11 (10 days), the second only half.
    expect(yulin).toEqual({
      court: 'yulin',
      transfersArrived: 2,
      transfersPaidOut: 1,
      arrivedFen: 500,
      paidOutFen: 400,
      sharePaidOut: 0.8,
      daysToPayout: { mean: 10, median: 10, p95: 10 },
    });
  });

  it('gives mean, median and p95 per court', () => {
    const transfers = [1, 2, 3, 4, 20].map((day, i) =>
      arrived('yulin', 100, '2024-05-01', `(2024)晋09执${i + 1}号`),
    );
    const payouts = [1, 2, 3, 4, 20].map((days, i) =>
      paid(
        100,
        new Date(Date.UTC(2024, 4, 1 + days)).toISOString().slice(0, 10),
        `(2024)晋09执${i + 1}号`,
      ),
    );
    const [yulin] = payoutFigures(transfers, payouts);
    expect(yulin.daysToPayout).toEqual({ mean: 6, median: 3, p95: 20 });
    expect(yulin.sharePaidOut).toBe(1);
  });

  it('attributes each payout to the court whose money it paid', () => {
    const figures = payoutFigures(
      [arrived('yulin', 100, '2024-05-01'), arrived('lvliang', 100, '2024-05-02')],
      [paid(150, '2024-05-05')],
    );
    expect(figures.map((court) => [court.court, court.paidOutFen, court.transfersPaidOut])).toEqual(
      [
        ['lvliang', 50, 0],
        ['yulin', 100, 1],
      ],
    );
    expect(figures[0].daysToPayout).toBeNull();
  });

  it('has nothing to say without confirmed transfers', () => {
    expect(payoutFigures([], [paid(100, '2024-05-05')])).toEqual([]);
  });
});
