import { ruleDecorator } from '../validation/rule-decorator';

/** GB 32100's alphabet: digits and upper-case letters without I, O, S, V and Z. */
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
/** Registration authority and type, 6-digit administrative division, 9-character organisation code, check. */
const SHAPE = /^[0-9A-HJ-NP-RTUW-Y]{2}\d{6}[0-9A-HJ-NP-RTUW-Y]{10}$/;

export const UNIFIED_SOCIAL_CREDIT_CODE_RULE =
  'an 18-character unified social credit code (GB 32100): digits and upper-case letters ' +
  'except I, O, S, V and Z, a 6-digit division code at positions 3-8, and a valid check character';

/** The check character the first 17 characters call for. */
export function unifiedSocialCreditCheckCharacter(first17: string): string {
  const sum = WEIGHTS.reduce(
    (total, weight, i) => total + weight * ALPHABET.indexOf(first17[i]),
    0,
  );
  return ALPHABET[(31 - (sum % 31)) % 31];
}

export function isUnifiedSocialCreditCode(value: unknown): value is string {
  return (
    typeof value === 'string' &&
    SHAPE.test(value) &&
    unifiedSocialCreditCheckCharacter(value) === value[17]
  );
}

export const IsUnifiedSocialCreditCode = ruleDecorator(
  'isUnifiedSocialCreditCode',
  UNIFIED_SOCIAL_CREDIT_CODE_RULE,
  isUnifiedSocialCreditCode,
  {
    type: 'string',
    pattern: SHAPE.source,
  },
);
