import { parseCaseNumber } from './case-number';
import { isResidentIdentityNumber } from './resident-identity-number';
import { isUnifiedSocialCreditCode } from './unified-social-credit-code';

describe('isResidentIdentityNumber', () => {
  it.each([
    ['the GB 11643 example, check character X', '11010519491231002X'],
    ['a Xinfu district number', '140902198506153311'],
    ['a Shenzhen number with check X', '44030419900307123X'],
    ['a leap day birth', '610802200002290010'],
  ])('accepts %s', (_what, value) => expect(isResidentIdentityNumber(value)).toBe(true));

  it.each([
    ['a wrong check character', '110105194912310021'],
    ['a wrong check digit', '140902198506153312'],
    ['a lower-case x', '11010519491231002x'],
    ['30 February, with a matching check character', '140902198502303319'],
    ['29 February of a common year', '610802200102290018'],
    ['17 characters', '11010519491231002'],
    ['the old 15-digit format', '110105491231002'],
    ['letters inside', '1101051949123100AX'],
    ['a number instead of a string', 110105194912310020],
  ])('rejects %s', (_what, value) => expect(isResidentIdentityNumber(value)).toBe(false));
});

describe('isUnifiedSocialCreditCode', () => {
  it.each([
    ['a commonly cited company code', '91350100M000100Y43'],
    ['a company registered in Xinzhou', '91140900MA0K1234XJ'],
    ['a public institution', '12140900012345678R'],
  ])('accepts %s', (_what, value) => expect(isUnifiedSocialCreditCode(value)).toBe(true));

  it.each([
    ['a wrong check character', '91350100M000100Y44'],
    ['the letter I, which GB 32100 excludes', '91350100M000I00Y43'],
    ['the letter O', '91350100M000O00Y43'],
    ['lower case', '91350100m000100y43'],
    ['letters in the division code', '9135A100M000100Y43'],
    ['17 characters', '91350100M000100Y4'],
    ['an organisation code of the old format', '12345678-9'],
  ])('rejects %s', (_what, value) => expect(isUnifiedSocialCreditCode(value)).toBe(false));
});

describe('parseCaseNumber', () => {
  it.each([
    ['(2024)晋09执123号', { year: 2024, courtCode: '晋09', caseType: '执', serial: 123 }],
    ['（2024）晋09执123号', { year: 2024, courtCode: '晋09', caseType: '执', serial: 123 }],
    ['(2023)内06执恢45号', { year: 2023, courtCode: '内06', caseType: '执恢', serial: 45 }],
    ['(2025)晋0902执保7号', { year: 2025, courtCode: '晋0902', caseType: '执保', serial: 7 }],
    ['(2024)陕执复3号', { year: 2024, courtCode: '陕', caseType: '执复', serial: 3 }],
    ['(2024)宁03执异1号', { year: 2024, courtCode: '宁03', caseType: '执异', serial: 1 }],
    ['(2024)甘10执他88号', { year: 2024, courtCode: '甘10', caseType: '执他', serial: 88 }],
  ])('reads %s', (value, expected) => expect(parseCaseNumber(value)).toMatchObject(expected));

  it('gives full-width parentheses a half-width canonical form', () => {
    expect(parseCaseNumber('（2024）晋09执123号')?.canonical).toBe('(2024)晋09执123号');
  });

  it.each([
    ['no 号 at the end', '(2024)晋09执123'],
    ['a civil, not an enforcement, case', '(2024)晋09民初123号'],
    ['an unknown province abbreviation', '(2024)山09执123号'],
    ['three court digits', '(2024)晋091执123号'],
    ['a serial number with a leading zero', '(2024)晋09执0123号'],
    ['a serial number of zero', '(2024)晋09执0号'],
    ['a two-digit year', '(24)晋09执123号'],
    ['a year out of range', '(1949)晋09执123号'],
    ['square brackets', '[2024]晋09执123号'],
    ['surrounding spaces', ' (2024)晋09执123号'],
  ])('rejects %s', (_what, value) => expect(parseCaseNumber(value)).toBeUndefined());
});
