import { validateSync } from 'class-validator';
import { plainToInstance } from 'class-transformer';
import { isFenAmount, Money } from './money';
import { isCalendarDate, isTimestamp } from './time';

describe('isFenAmount', () => {
  it.each([0, 1, 1_234_500, Number.MAX_SAFE_INTEGER])('accepts %d fen', (fen) =>
    expect(isFenAmount(fen)).toBe(true),
  );

  it.each([
    ['a fraction of a fen', 12.5],
    ['a negative amount', -100],
    ['more than JSON numbers hold exactly', Number.MAX_SAFE_INTEGER + 1],
    ['a string of digits', '1234500'],
    ['not a number', NaN],
    ['infinity', Infinity],
  ])('rejects %s', (_what, fen) => expect(isFenAmount(fen)).toBe(false));
});

describe('Money', () => {
  it('names the field and the rule when the amount is a float or the currency unknown', () => {
    const errors = validateSync(plainToInstance(Money, { fen: 99.99, currency: 'USD' }));
    expect(errors.map((error) => [error.property, Object.values(error.constraints ?? {})])).toEqual(
      [
        ['fen', [expect.stringContaining('whole number of fen')]],
        ['currency', ['one of CNY']],
      ],
    );
  });
});

describe('isTimestamp', () => {
  it.each([
    '2024-03-01T09:30:00+08:00',
    '2024-03-01T01:30:00Z',
    '2024-02-29T23:59:59.123456-05:00',
  ])('accepts %s', (value) => expect(isTimestamp(value)).toBe(true));

  it.each([
    ['no offset', '2024-03-01T09:30:00'],
    ['a date only', '2024-03-01'],
    ['a space instead of T', '2024-03-01 09:30:00+08:00'],
    ['an impossible date', '2023-02-29T09:30:00+08:00'],
    ['hour 24', '2024-03-01T24:00:00Z'],
    ['an offset without colon', '2024-03-01T09:30:00+0800'],
    ['epoch milliseconds', 1709256600000],
  ])('rejects %s', (_what, value) => expect(isTimestamp(value)).toBe(false));
});

describe('isCalendarDate', () => {
  it.each(['2025-03-01', '2024-02-29'])('accepts %s', (value) =>
    expect(isCalendarDate(value)).toBe(true),
  );

  it.each(['2025-02-29', '2025-13-01', '2025-3-1', '2025-03-01T00:00:00Z'])('rejects %s', (value) =>
    expect(isCalendarDate(value)).toBe(false),
  );
});
