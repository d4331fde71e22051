import { createHmac, timingSafeEqual } from 'node:crypto';
import { Role, ROLES } from './roles';

/** What a signed-in person's token says: who, in which role, for which service, until when. */
export interface SessionClaims {
  /** The account's user name. */
  sub: string;
  role: Role;
  /** The service the token is for: a court code, or `monitor`. */
  aud: string;
  /** Seconds since 1970, as JWTs count. */
  iat: number;
  exp: number;
}

const HEADER = base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));

/**
 * Issues and checks the bearer tokens of one service: JWTs signed with HMAC-SHA256 under the
 * service's `AUTH_TOKEN_SECRET`. A token names its service (`aud`), so one court's token is
 * refused by another court even if both were given the same secret.
 */
export class SessionTokens {
  constructor(
    private readonly secret: string,
    private readonly audience: string,
    private readonly lifetimeSeconds: number,
  ) {}

  issue(username: string, role: Role, now = new Date()): { token: string; expiresAt: Date } {
    const iat = Math.floor(now.getTime() / 1000);
    const claims: SessionClaims = {
      sub: username,
      role,
      aud: this.audience,
      iat,
      exp: iat + this.lifetimeSeconds,
    };
    const unsigned = `${HEADER}.${base64url(JSON.stringify(claims))}`;
    return { token: `${unsigned}.${this.sign(unsigned)}`, expiresAt: new Date(claims.exp * 1000) };
  }

  /** The token's claims, or why it is not accepted. */
  verify(token: string, now = new Date()): SessionClaims | { refused: string } {
    const [header, payload, signature, ...rest] = token.split('.');
    if (header !== HEADER || !payload || !signature || rest.length > 0) {
      return { refused: 'the token is not an HS256 JWT of this service' };
    }
    const expected = Buffer.from(this.sign(`${header}.${payload}`));
    const given = Buffer.from(signature);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
      return { refused: 'the token signature is not valid' };
    }
    const claims = parseClaims(payload);
    if (!claims) return { refused: 'the token claims are malformed' };
    if (claims.aud !== this.audience) {
      return { refused: `the token is for ${claims.aud}, not ${this.audience}` };
    }
    if (claims.exp * 1000 <= now.getTime()) return { refused: 'the session has expired' };
    return claims;
  }

  private sign(unsigned: string): string {
    return createHmac('sha256', this.secret).update(unsigned).digest('base64url');
  }
}

function parseClaims(payload: string): SessionClaims | undefined {
  try {
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as SessionClaims;
    const wellFormed =
      typeof claims.sub === 'string' &&
      ROLES.includes(claims.role) &&
      typeof claims.aud === 'string' &&
      Number.isInteger(claims.iat) &&
      Number.isInteger(claims.exp);
    return wellFormed ? claims : undefined;
  } catch {
    return undefined;
  }
}

function base64url(text: string): string {
  return Buffer.from(text).toString('base64url');
}
