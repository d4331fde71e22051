import { ApiProperty } from '@nestjs/swagger';
import { FundTransfer } from './fund-transfer.entity';

export type ReconcilableTransfer = Pick<
  FundTransfer,
  | 'id'
  | 'direction'
  | 'fromCourt'
  | 'toCourt'
  | 'caseNumber'
  | 'accountCaseNumber'
  | 'amountFen'
  | 'confirmedFen'
  | 'status'
  | 'bankReference'
>;

/** Money of one case, or of one court, in one direction: transferred = confirmed + in transit. */
export class FundsBalance {
  @ApiProperty({ enum: ['in', 'out'], description: '`in`: transfers this court received' })
  direction: 'in' | 'out';

  /** The other court: who transferred (`in`) or who was transferred to (`out`). */
  @ApiProperty({ example: 'yulin' })
  court: string;

  @ApiProperty({ type: String, required: false, example: '(2024)晋09执123号' })
  caseNumber?: string;

  @ApiProperty({ description: 'Integer fen' })
  transferredFen: number;

  @ApiProperty({ description: 'Integer fen: the amounts the requesting court confirmed' })
  confirmedFen: number;

  @ApiProperty({ description: 'Integer fen: transferred and not yet confirmed' })
  inTransitFen: number;

  @ApiProperty({ description: 'transferred − (confirmed + in transit); 0 when balanced' })
  differenceFen: number;

  @ApiProperty()
  balanced: boolean;
}

/** A confirmed transfer whose confirmed amount is not the amount sent. */
export class TransferMismatch {
  @ApiProperty()
  transferId: string;

  @ApiProperty({ enum: ['in', 'out'] })
  direction: 'in' | 'out';

  @ApiProperty()
  court: string;

  @ApiProperty()
  caseNumber: string;

  @ApiProperty()
  bankReference: string;

  @ApiProperty({ description: 'Integer fen' })
  transferredFen: number;

  @ApiProperty({ description: 'Integer fen' })
  confirmedFen: number;

  @ApiProperty({ description: 'transferred − confirmed' })
  differenceFen: number;
}

export class UnmatchedTotal {
  @ApiProperty()
  count: number;

  @ApiProperty({ description: 'Integer fen' })
  totalFen: number;
}

export class Reconciliation {
  /** True when every court and every case balances to the fen. */
  @ApiProperty()
  balanced: boolean;

  @ApiProperty({ type: [FundsBalance] })
  courts: FundsBalance[];

  @ApiProperty({ type: [FundsBalance] })
  cases: FundsBalance[];

  @ApiProperty({ type: [TransferMismatch] })
  mismatches: TransferMismatch[];

  /** Transfers that arrived for no known case: counted apart until a person matches them. */
  @ApiProperty({ type: UnmatchedTotal })
  unmatched: UnmatchedTotal;
}

/**
 * Checks, to the fen, that every court's and every case's transfers are either confirmed or in
 * transit. A confirmation for another amount than was sent breaks that, and is listed.
 */
export function reconcile(transfers: ReconcilableTransfer[]): Reconciliation {
  const courts = new Map<string, FundsBalance>();
  const cases = new Map<string, FundsBalance>();
  const mismatches: TransferMismatch[] = [];
  const unmatched: UnmatchedTotal = { count: 0, totalFen: 0 };
  for (const transfer of transfers) {
    if (transfer.status === 'UNMATCHED' || transfer.accountCaseNumber === null) {
      unmatched.count += 1;
      unmatched.totalFen += transfer.amountFen;
      continue;
    }
    const { direction } = transfer;
    const court = direction === 'in' ? transfer.fromCourt : transfer.toCourt;
    const caseNumber = transfer.accountCaseNumber;
    for (const balance of [
      balanceIn(courts, `${direction} ${court}`, { direction, court }),
      balanceIn(cases, `${direction} ${court} ${caseNumber}`, { direction, court, caseNumber }),
    ]) {
      balance.transferredFen += transfer.amountFen;
      if (transfer.status === 'CONFIRMED') balance.confirmedFen += transfer.confirmedFen ?? 0;
      else balance.inTransitFen += transfer.amountFen;
    }
    if (transfer.status === 'CONFIRMED' && transfer.confirmedFen !== transfer.amountFen) {
      mismatches.push({
        transferId: transfer.id,
        direction,
        court,
        caseNumber,
        bankReference: transfer.bankReference,
        transferredFen: transfer.amountFen,
        confirmedFen: transfer.confirmedFen ?? 0,
        differenceFen: transfer.amountFen - (transfer.confirmedFen ?? 0),
      });
    }
  }
  const settle = (balances: Map<string, FundsBalance>) =>
    [...balances.values()].map((balance) => {
      balance.differenceFen =
        balance.transferredFen - (balance.confirmedFen + balance.inTransitFen);
      balance.balanced = balance.differenceFen === 0;
      return balance;
    });
  const settledCourts = settle(courts);
  const settledCases = settle(cases);
  return {
    balanced: [...settledCourts, ...settledCases].every((balance) => balance.balanced),
    courts: settledCourts,
    cases: settledCases,
    mismatches,
    unmatched,
  };
}

function balanceIn(
  balances: Map<string, FundsBalance>,
  key: string,
  identity: Pick<FundsBalance, 'direction' | 'court' | 'caseNumber'>,
): FundsBalance {
  let balance = balances.get(key);
  if (!balance) {
    balance = {
      ...identity,
      transferredFen: 0,
      confirmedFen: 0,
      inTransitFen: 0,
      differenceFen: 0,
      balanced: true,
    };
    balances.set(key, balance);
  }
  return balance;
}
