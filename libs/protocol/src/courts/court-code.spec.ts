import { isCourtCode } from './court-code';

describe('isCourtCode', () => {
  it.each(['xinzhou', 'xinzhou-xinfu', 'ordos', 'c1409', 'wuhai-haibowan2'])('accepts %s', (code) =>
    expect(isCourtCode(code)).toBe(true),
  );

  it.each([
    ['an empty string', ''],
    ['one character', 'x'],
    ['upper case', 'Xinzhou'],
    ['a dot, which would split the subject', 'xin.zhou'],
    ['a NATS wildcard', 'xinzhou*'],
    ['a full wildcard', '>'],
    ['whitespace', 'xin zhou'],
    ['a leading digit', '1409'],
    ['Chinese characters', '忻州'],
    ['more than 40 characters', 'a'.repeat(41)],
    ['a number instead of a string', 1409],
  ])('rejects %s', (_description, code) => expect(isCourtCode(code)).toBe(false));
});
