import { ApiProperty } from '@nestjs/swagger';
import { FundPayout } from './fund-payout.entity';
import { FundTransfer } from './fund-transfer.entity';

export type ArrivedTransfer = Pick<
  FundTransfer,
  'fromCourt' | 'accountCaseNumber' | 'confirmedFen' | 'receivedOn'
>;
export type PaidOut = Pick<FundPayout, 'caseNumber' | 'amountFen' | 'paidOn'>;

export class DaysToPayout {
  @ApiProperty()
  mean: number;

  @ApiProperty()
  median: number;

  @ApiProperty()
  p95: number;
}

/** How fast money another court transferred reached the winning party. */
export class CourtPayoutFigures {
  /** The court that recovered and transferred the money. */
  @ApiProperty({ example: 'yulin' })
  court: string;

  @ApiProperty({ description: 'Transfers confirmed as arrived in a case account' })
  transfersArrived: number;

  @ApiProperty({ description: 'Of those, how many are paid out in full' })
  transfersPaidOut: number;

  @ApiProperty({ description: 'Integer fen arrived' })
  arrivedFen: number;

  @ApiProperty({ description: 'Integer fen of it paid out' })
  paidOutFen: number;

  @ApiProperty({ description: 'paid out ÷ arrived, from 0 to 1', example: 0.75 })
  sharePaidOut: number;

  /** Calendar days from arrival to the payout that paid its last fen; unset when none is. */
  @ApiProperty({ type: DaysToPayout, nullable: true })
  daysToPayout: DaysToPayout | null;
}

const DAY_MS = 86_400_000;

/** What became of one transfer that arrived in a case account. */
export interface TransferPaidOut<T extends ArrivedTransfer> {
  transfer: T;
  paidOutFen: number;
  /** Calendar days from arrival to the payout that paid its last fen; unset until then. */
  daysToPayout: number | null;
}

/**
 * Payouts from a case account settle the money that arrived first first: a transfer counts as
 * paid out on the day the payout covering its last fen was made. Transfers not confirmed as
 * arrived are left out.
 */
export function allocatePayouts<T extends ArrivedTransfer>(
  arrived: T[],
  payouts: PaidOut[],
): TransferPaidOut<T>[] {
  const allocated: TransferPaidOut<T>[] = [];
  for (const [caseNumber, transfers] of groupBy(arrived, (t) => t.accountCaseNumber ?? '')) {
    const queue = transfers
      .filter((transfer) => transfer.receivedOn && transfer.confirmedFen)
      .sort((a, b) => (a.receivedOn as string).localeCompare(b.receivedOn as string))
      .map((transfer) => ({ transfer, paidOutFen: 0, daysToPayout: null as number | null }));
    allocated.push(...queue);
    const casePayouts = payouts
      .filter((payout) => payout.caseNumber === caseNumber)
      .sort((a, b) => a.paidOn.localeCompare(b.paidOn));
    let next = 0;
    for (const payout of casePayouts) {
      let leftFen = payout.amountFen;
      while (leftFen > 0 && next < queue.length) {
        const owed = queue[next];
        const paidFen = Math.min(leftFen, (owed.transfer.confirmedFen as number) - owed.paidOutFen);
        owed.paidOutFen += paidFen;
        leftFen -= paidFen;
        if (owed.paidOutFen === owed.transfer.confirmedFen) {
          owed.daysToPayout = daysBetween(owed.transfer.receivedOn as string, payout.paidOn);
          next += 1;
        }
      }
    }
  }
  return allocated;
}

/** Per court that transferred the money: how much of it, and how fast, was paid out. */
export function payoutFigures(
  arrived: ArrivedTransfer[],
  payouts: PaidOut[],
): CourtPayoutFigures[] {
  const perCourt = new Map<string, { figures: CourtPayoutFigures; days: number[] }>();
  for (const { transfer, paidOutFen, daysToPayout } of allocatePayouts(arrived, payouts)) {
    const entry = perCourt.get(transfer.fromCourt) ?? {
      figures: {
        court: transfer.fromCourt,
        transfersArrived: 0,
        transfersPaidOut: 0,
        arrivedFen: 0,
        paidOutFen: 0,
        sharePaidOut: 0,
        daysToPayout: null,
      },
      days: [],
    };
    perCourt.set(transfer.fromCourt, entry);
    entry.figures.transfersArrived += 1;
    entry.figures.arrivedFen += transfer.confirmedFen as number;
    entry.figures.paidOutFen += paidOutFen;
    if (daysToPayout !== null) {
      entry.figures.transfersPaidOut += 1;
      entry.days.push(daysToPayout);
    }
  }
  return [...perCourt.values()]
    .map(({ figures, days }) => ({
      ...figures,
      sharePaidOut: figures.arrivedFen === 0 ? 0 : figures.paidOutFen / figures.arrivedFen,
      daysToPayout: days.length === 0 ? null : summarise(days),
    }))
    .sort((a, b) => a.court.localeCompare(b.court));
}

function summarise(days: number[]): DaysToPayout {
  const sorted = [...days].sort((a, b) => a - b);
  const nearestRank = (quantile: number) =>
    sorted[Math.max(0, Math.ceil(quantile * sorted.length) - 1)];
  return {
    mean: sorted.reduce((sum, day) => sum + day, 0) / sorted.length,
    median:
      sorted.length % 2 === 1
        ? sorted[(sorted.length - 1) / 2]
        : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2,
    p95: nearestRank(0.95),
  };
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(to) - Date.parse(from)) / DAY_MS);
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}
