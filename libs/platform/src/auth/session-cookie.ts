import { Request, Response } from 'express';

/**
 * Browsers keep the token in this HTTP-only cookie, so pages, downloads and live updates send
 * it. Named after the service the token is for (`audience`): browsers keep cookies per host, not
 * per port, so two courts' pages open side by side on one machine keep their own sessions.
 */
export function sessionCookieName(audience: string): string {
  return `enforcement_link_session_${audience.replace(/[^a-z0-9]/g, '_')}`;
}

export function setSessionCookie(
  request: Request,
  response: Response,
  audience: string,
  session: { token: string; expiresAt: Date },
): void {
  response.cookie(sessionCookieName(audience), session.token, {
    httpOnly: true,
    // Strict: another site's page cannot make the browser send it, which is what forged requests need.
    sameSite: 'strict',
    secure: request.secure,
    expires: session.expiresAt,
    path: '/',
  });
}

export function clearSessionCookie(response: Response, audience: string): void {
  response.clearCookie(sessionCookieName(audience), {
    path: '/',
    httpOnly: true,
    sameSite: 'strict',
  });
}

/** The token of a request: its `Authorization: Bearer` header, else its session cookie. */
export function sessionTokenOf(request: Request, audience: string): string | undefined {
  const authorization = request.headers.authorization;
  if (authorization?.startsWith('Bearer ')) return authorization.slice('Bearer '.length).trim();
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === sessionCookieName(audience)) return decodeURIComponent(value.join('='));
  }
  return undefined;
}
