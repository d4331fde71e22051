import { hashPassword, passwordMatches, UNMATCHABLE_HASH } from './passwords';

describe('passwords', () => {
  it('match their own salted scrypt hash only', async () => {
    const hash = await hashPassword('黄河几字弯 enforcement');
    expect(hash).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(await hashPassword('黄河几字弯 enforcement')).not.toBe(hash);
    expect(await passwordMatches('黄河几字弯 enforcement', hash)).toBe(true);
    expect(await passwordMatches('黄河几字弯 enforcemen', hash)).toBe(false);
  });

  it('match nothing against the hash used for unknown accounts or a malformed one', async () => {
    expect(await passwordMatches('', UNMATCHABLE_HASH)).toBe(false);
    expect(await passwordMatches('anything', 'plain text')).toBe(false);
  });
});
