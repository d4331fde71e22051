import { RequestAmounts } from '@enforcement-link/protocol';
import { QueryRunner } from 'typeorm';
import { allocatePayouts, ArrivedTransfer, PaidOut } from './payout-figures';

/** Money on each request, as this court's books show it. */
const TOTALS = `
  SELECT r.id,
         (SELECT coalesce(sum(amount_fen), 0) FROM fund_recoveries WHERE request_id = r.id) AS recovered_fen,
         (SELECT coalesce(sum(amount_fen), 0) FROM fund_transfers WHERE request_id = r.id) AS transferred_fen,
         (SELECT coalesce(sum(confirmed_fen), 0) FROM fund_transfers WHERE request_id = r.id) AS confirmed_fen
    FROM unnest($1::uuid[]) AS r (id)`;

/** The case accounts the requests' money arrived in. */
const ACCOUNTS = `
  SELECT DISTINCT account_case_number FROM fund_transfers
   WHERE request_id = ANY($1) AND direction = 'in' AND account_case_number IS NOT NULL`;

/** Everything that arrived in and was paid out of those accounts, oldest first. */
const ARRIVED = `
  SELECT request_id AS "requestId", from_court AS "fromCourt",
         account_case_number AS "accountCaseNumber", confirmed_fen::float8 AS "confirmedFen",
         received_on::text AS "receivedOn"
    FROM fund_transfers
   WHERE direction = 'in' AND status = 'CONFIRMED' AND account_case_number = ANY($1)`;
const PAID_OUT = `
  SELECT case_number AS "caseNumber", amount_fen::float8 AS "amountFen", paid_on::text AS "paidOn"
    FROM fund_payouts WHERE case_number = ANY($1)`;

type ArrivedOnRequest = ArrivedTransfer & { requestId: string };

interface TotalsRow {
  id: string;
  recovered_fen: string;
  transferred_fen: string;
  confirmed_fen: string;
}

/**
 * The amounts a `request.updated` event carries for each request, read in `queryRunner`'s
 * transaction; for requests this court sent, also what it paid out of them and how many days
 * after their arrival.
 */
export async function requestAmounts(
  queryRunner: QueryRunner,
  requests: { id: string; side: 'requesting' | 'receiving' }[],
): Promise<Map<string, RequestAmounts>> {
  const totals = (await queryRunner.query(TOTALS, [requests.map((r) => r.id)])) as TotalsRow[];
  const amounts = new Map<string, RequestAmounts>(
    totals.map((row) => [
      row.id,
      {
        recoveredFen: Number(row.recovered_fen),
        transferredFen: Number(row.transferred_fen),
        confirmedFen: Number(row.confirmed_fen),
      },
    ]),
  );
  const sent = requests.filter((request) => request.side === 'requesting').map((r) => r.id);
  if (sent.length === 0) return amounts;
  const accounts = (
    (await queryRunner.query(ACCOUNTS, [sent])) as { account_case_number: string }[]
  ).map((row) => row.account_case_number);
  // One after the other: a transaction's statements share its one connection.
  const arrived = (await queryRunner.query(ARRIVED, [accounts])) as ArrivedOnRequest[];
  const payouts = (await queryRunner.query(PAID_OUT, [accounts])) as PaidOut[];
  for (const id of sent) {
    const own = amounts.get(id);
    if (own) Object.assign(own, { paidOutFen: 0, daysToPayout: [] });
  }
  for (const { transfer, paidOutFen, daysToPayout } of allocatePayouts(arrived, payouts)) {
    const own = amounts.get(transfer.requestId);
    if (!own || own.paidOutFen === undefined) continue;
    own.paidOutFen += paidOutFen;
    if (daysToPayout !== null) own.daysToPayout?.push(daysToPayout);
  }
  return amounts;
}
