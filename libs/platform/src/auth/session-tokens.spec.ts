import { SessionTokens } from './session-tokens';

describe('SessionTokens', () => {
  const secret = 'a test secret that is long enough for HMAC';
  const tokens = new SessionTokens(secret, 'xinzhou', 3600);
  const issuedAt = new Date('2026-05-01T08:00:00Z');

  it('accepts its own token until it expires, with who, which role and for whom', () => {
    const { token, expiresAt } = tokens.issue('wang.fang', 'handler', issuedAt);
    expect(expiresAt).toEqual(new Date('2026-05-01T09:00:00Z'));
    expect(tokens.verify(token, new Date('2026-05-01T08:59:59Z'))).toEqual(
      expect.objectContaining({ sub: 'wang.fang', role: 'handler', aud: 'xinzhou' }),
    );
    expect(tokens.verify(token, expiresAt)).toEqual({ refused: 'the session has expired' });
  });

  it('refuses a token of another service, another secret, changed claims or no signature', () => {
    const { token } = tokens.issue('wang.fang', 'clerk', issuedAt);
    const at = new Date('2026-05-01T08:30:00Z');
    const yulin = new SessionTokens(secret, 'yulin', 3600);
    expect(yulin.verify(token, at)).toEqual({ refused: 'the token is for xinzhou, not yulin' });
    expect(new SessionTokens(`${secret}!`, 'xinzhou', 3600).verify(token, at)).toEqual({
      refused: 'the token signature is not valid',
    });

    const [header, claims, signature] = token.split('.');
    const promoted = Buffer.from(
      JSON.stringify({
        ...JSON.parse(Buffer.from(claims, 'base64url').toString()),
        role: 'court-admin',
      }),
    ).toString('base64url');
    expect(tokens.verify(`${header}.${promoted}.${signature}`, at)).toEqual({
      refused: 'the token signature is not valid',
    });
    const none = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
    expect(tokens.verify(`${none}.${claims}.`, at)).toEqual({
      refused: 'the token is not an HS256 JWT of this service',
    });
    expect(tokens.verify('not a token', at)).toHaveProperty('refused');
  });
});
