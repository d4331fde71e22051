import { MatterType, RETURN_REASONS, ReturnReason } from '@enforcement-link/protocol';
import { createHash } from 'node:crypto';

/** Matters whose result brings money to the requesting court's case account. */
const MONEY_MATTERS: MatterType[] = [
  'deduct-deposit',
  'transfer-real-estate-title',
  'transfer-vehicle-title',
];

/** What the people at both courts do with one request, and after how many seconds. */
export interface RequestPlan {
  /** The receiving court returns it instead of working it. */
  returned?: ReturnReason;
  /** Seconds from arrival to sign-in (acceptance, return, or a search answered by hand). */
  signInAfter: number;
  /** The requesting court withdraws it while it waits, after this many seconds. */
  withdrawnAfter?: number;
  /** The handler asks for material first; the clerk provides it after `providedAfter`, or never. */
  supplement?: { providedAfter?: number };
  /** The handler reports progress once before finishing. */
  reportsProgress: boolean;
  /** Seconds from acceptance (or the last progress) to the result. */
  finishAfter: number;
  outcome: 'completed' | 'partially-completed' | 'not-possible';
  /** Money recovered and transferred with the result. */
  recoversMoney: boolean;
  /** The freeze or seal reported lapses within days, so the requesting court is alerted. */
  expiresSoon: boolean;
  /** The clerk disputes the first result; the handler reports again. */
  disputesFirstResult: boolean;
  /** Seconds from the result to the clerk's confirmation (or dispute). */
  confirmAfter: number;
}

/**
 * The plan of a request, drawn from its id: the same on every start of the demo, so a request
 * taken halfway before a restart is finished the same way after it. About one in eight is
 * late at each step, so the dashboard's overdue figures have something to show.
 */
export function planOf(requestId: string, matterType?: MatterType): RequestPlan {
  const draw = draws(requestId);
  const chance = (share: number) => draw() < share;
  const between = (low: number, high: number) => Math.round(low + draw() * (high - low));
  const late = (usual: [number, number], overdue: [number, number]) =>
    chance(0.12) ? between(...overdue) : between(...usual);

  const returned = chance(0.08)
    ? RETURN_REASONS[Math.floor(draw() * RETURN_REASONS.length)]
    : undefined;
  const withdrawnAfter = !returned && chance(0.03) ? between(20, 60) : undefined;
  const signInAfter = Math.max(late([10, 90], [200, 260]), (withdrawnAfter ?? 0) + 40);
  const delegation = matterType !== undefined;
  const supplement = delegation && chance(0.12);
  const outcomeDraw = draw();
  return {
    ...(returned ? { returned } : {}),
    signInAfter,
    ...(withdrawnAfter ? { withdrawnAfter } : {}),
    ...(supplement ? { supplement: chance(0.85) ? { providedAfter: between(20, 120) } : {} } : {}),
    reportsProgress: delegation && !supplement && chance(0.5),
    finishAfter: late([40, 240], [500, 580]),
    outcome:
      outcomeDraw < 0.75 ? 'completed' : outcomeDraw < 0.9 ? 'partially-completed' : 'not-possible',
    recoversMoney: delegation && MONEY_MATTERS.includes(matterType) && outcomeDraw < 0.9,
    expiresSoon: chance(0.15),
    disputesFirstResult: chance(0.08),
    confirmAfter: between(10, 90),
  };
}

/** A sequence of numbers in [0, 1) drawn from the hash of `seed`, repeated once used up. */
function draws(seed: string): () => number {
  const bytes = createHash('sha512').update(seed).digest();
  let next = 0;
  return () => {
    const value = bytes.readUInt16BE(next % (bytes.length - 1)) / 65_536;
    next += 2;
    return value;
  };
}
