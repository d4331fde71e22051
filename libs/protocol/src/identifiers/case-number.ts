import { ruleDecorator } from '../validation/rule-decorator';

/**
 * One-character abbreviations that open a court's code in case numbers: the 31 provincial-level
 * divisions (Inner Mongolia is 内) and 兵 for the Xinjiang Production and Construction Corps courts.
 */
const PROVINCE_ABBREVIATIONS = '京津冀晋内辽吉黑沪苏浙皖闽赣鲁豫鄂湘粤桂琼渝川贵云藏陕甘青宁新兵';

/**
 * Enforcement case type codes of the SPC case-number rules: 执 first enforcement, 执恢 resumed,
 * 执保 preservation, 执异 objection, 执复 review, 执监 supervision, 执协 coordination,
 * 执他 other enforcement matters (entrusted matters are often registered as these).
 */
export const ENFORCEMENT_CASE_TYPES = [
  '执',
  '执恢',
  '执保',
  '执异',
  '执复',
  '执监',
  '执协',
  '执他',
] as const;
export type EnforcementCaseType = (typeof ENFORCEMENT_CASE_TYPES)[number];

const CASE_NUMBER = new RegExp(
  `^[(（](\\d{4})[)）]([${PROVINCE_ABBREVIATIONS}](?:\\d{2}){0,2})` +
    `(${[...ENFORCEMENT_CASE_TYPES].sort((a, b) => b.length - a.length).join('|')})` +
    '([1-9]\\d{0,7})号$',
);

export const CASE_NUMBER_RULE =
  'an enforcement case number such as (2024)晋09执123号: year in half- or full-width ' +
  'parentheses, court code (province abbreviation and 0, 2 or 4 digits), case type ' +
  `(${ENFORCEMENT_CASE_TYPES.join(', ')}), serial number, 号`;

export interface CaseNumber {
  year: number;
  /** Province abbreviation and digits: 晋09 is Xinzhou Intermediate Court, 晋0902 Xinfu District. */
  courtCode: string;
  caseType: EnforcementCaseType;
  serial: number;
  /** The same case number with half-width parentheses, for comparing and indexing. */
  canonical: string;
}

export function parseCaseNumber(value: unknown): CaseNumber | undefined {
  if (typeof value !== 'string') return undefined;
  const match = CASE_NUMBER.exec(value);
  if (!match) return undefined;
  const [, year, courtCode, caseType, serial] = match;
  if (Number(year) < 1980 || Number(year) > 2099) return undefined;
  return {
    year: Number(year),
    courtCode,
    caseType: caseType as EnforcementCaseType,
    serial: Number(serial),
    canonical: `(${year})${courtCode}${caseType}${serial}号`,
  };
}

export function isCaseNumber(value: unknown): value is string {
  return parseCaseNumber(value) !== undefined;
}

export const IsCaseNumber = ruleDecorator('isCaseNumber', CASE_NUMBER_RULE, isCaseNumber, {
  type: 'string',
  pattern: CASE_NUMBER.source,
});
