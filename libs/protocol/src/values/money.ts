import { ruleDecorator } from '../validation/rule-decorator';
import { IsOneOf } from '../validation/is-one-of';

export const CURRENCIES = ['CNY'] as const;
export type Currency = (typeof CURRENCIES)[number];

export const FEN_RULE =
  'a whole number of fen (1 yuan = 100 fen) from 0 to 2^53 - 1, never a fraction';

/** Amounts are integers of the smallest unit, so sums reconcile to the fen; floats never do. */
export function isFenAmount(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

export const IsFenAmount = ruleDecorator('isFenAmount', FEN_RULE, isFenAmount, {
  type: 'integer',
  minimum: 0,
  maximum: Number.MAX_SAFE_INTEGER,
});

/** An amount of money: `{ "fen": 1234500, "currency": "CNY" }` is 12,345.00 yuan. */
export class Money {
  @IsFenAmount()
  fen: number;

  @IsOneOf(CURRENCIES)
  currency: Currency;
}
