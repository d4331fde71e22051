import { ruleDecorator } from '../validation/rule-decorator';
import { isCalendarDate } from '../values/time';

/** Weights of the first 17 characters under ISO 7064 MOD 11-2: 2^(17-i) mod 11. */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARACTERS = '10X98765432';
const SHAPE = /^\d{6}(\d{4})(\d{2})(\d{2})\d{3}[\dX]$/;

export const RESIDENT_IDENTITY_NUMBER_RULE =
  'an 18-character resident identity number (GB 11643): 6-digit region, birth date YYYYMMDD, ' +
  '3-digit sequence and an ISO 7064 MOD 11-2 check character (0-9 or X)';

/** The check character the first 17 digits call for. */
export function residentIdentityCheckCharacter(first17: string): string {
  const sum = WEIGHTS.reduce((total, weight, i) => total + weight * Number(first17[i]), 0);
  return CHECK_CHARACTERS[sum % 11];
}

/**
 * Whether `value` is a well-formed resident identity number: the shape, a real calendar birth
 * date, and the check character. Lower-case `x` is not accepted: the standard writes `X`, and
 * one spelling per person keeps matching across courts exact.
 */
export function isResidentIdentityNumber(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = SHAPE.exec(value);
  if (!match) return false;
  const birthDate = `${match[1]}-${match[2]}-${match[3]}`;
  return (
    isCalendarDate(birthDate) &&
    Number(match[1]) >= 1900 &&
    residentIdentityCheckCharacter(value) === value[17]
  );
}

export const IsResidentIdentityNumber = ruleDecorator(
  'isResidentIdentityNumber',
  RESIDENT_IDENTITY_NUMBER_RULE,
  isResidentIdentityNumber,
  {
    type: 'string',
    pattern: SHAPE.source,
  },
);
