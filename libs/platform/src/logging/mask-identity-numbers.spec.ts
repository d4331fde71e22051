import { Writable } from 'node:stream';
import pino from 'pino';
import { maskIdentityNumbers } from './mask-identity-numbers';

describe('maskIdentityNumbers', () => {
  it.each([
    ['a bare number', '140902198506153311', '140902********3311'],
    ['one ending in X', '11010519491231002X', '110105********002X'],
    [
      'inside a sentence',
      '被执行人张三（140902198506153311）',
      '被执行人张三（140902********3311）',
    ],
    [
      'in JSON',
      '{"identityNumber":"140902198506153311"}',
      '{"identityNumber":"140902********3311"}',
    ],
    [
      'two of them',
      '140902198506153311,140902198506153311',
      '140902********3311,140902********3311',
    ],
  ])('masks %s', (_case, text, masked) => {
    expect(maskIdentityNumbers(text)).toBe(masked);
  });

  it.each([
    ['a 19-digit account number', '6222021208001234567'],
    ['a credit code', '91140900MA0K1234X5'],
    ['a UUID', '0192f1d2-7a3b-7c4d-8e5f-60718293a4d1'],
    ['a timestamp in milliseconds', '1764500000000'],
  ])('leaves %s alone', (_case, text) => {
    expect(maskIdentityNumbers(text)).toBe(text);
  });

  it('masks what a logger writes when used as its stream hook', () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const logger = pino({ hooks: { streamWrite: maskIdentityNumbers } }, sink);
    logger.warn({ party: { identityNumber: '140902198506153311' } }, 'refused 140902198506153311');
    expect(lines.join('')).not.toContain('19850615');
    expect(lines.join('')).toContain('140902********3311');
  });
});
