import { Request, Response } from 'express';

/** Browsers keep the token in this HTTP-only cookie, so pages, downloads and live updates send it. */
export const SESSION_COOKIE = 'enforcement_link_session';

export function setSessionCookie(
  request: Request,
  response: Response,
  token: string,
  expiresAt: Date,
): void {
  response.cookie(SESSION_COOKIE, token, {
    httpOnly: true,
    // Strict: another site's page cannot make the browser send it, which is what forged requests need.
    sameSite: 'strict',
    secure: request.secure,
    expires: expiresAt,
    path: '/',
  });
}

export function clearSessionCookie(response: Response): void {
  response.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'strict' });
}

/** The token of a request: its `Authorization: Bearer` header, else its session cookie. */
export function sessionTokenOf(request: Request): string | undefined {
  const authorization = request.headers.authorization;
  if (authorization?.startsWith('Bearer ')) return authorization.slice('Bearer '.length).trim();
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === SESSION_COOKIE) return decodeURIComponent(value.join('='));
  }
  return undefined;
}
