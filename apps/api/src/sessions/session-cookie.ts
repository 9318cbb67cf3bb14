import type { CookieOptions, Request, Response } from 'express';

/**
 * The console session cookie. httpOnly: page scripts (and so an XSS) cannot read it. SameSite=Strict: the browser
 * never sends it with a request started by another site, the first defence against CSRF (the guard's Origin check
 * is the second). The admin console's proxy passes it between the browser and the API unchanged.
 */
export const SESSION_COOKIE = 'flex_sms_session';

/**
 * The cookie's name: `__Host-flex_sms_session` when it is Secure. Browsers accept a `__Host-` cookie only from HTTPS,
 * for path / and without a Domain, so a sibling subdomain or a plain-HTTP answer cannot plant one beside ours and
 * fix a session. Without Secure (the sandbox on http://localhost) browsers refuse the prefix: the plain name.
 */
export function sessionCookieName(secure: boolean): string {
  return secure ? `__Host-${SESSION_COOKIE}` : SESSION_COOKIE;
}

export function sessionCookieOptions(secure: boolean): CookieOptions {
  return { httpOnly: true, sameSite: 'strict', secure, path: '/' };
}

export function setSessionCookie(response: Response, token: string, expiresAt: Date, secure: boolean): void {
  response.cookie(sessionCookieName(secure), token, { ...sessionCookieOptions(secure), expires: expiresAt });
}

export function clearSessionCookie(response: Response, secure: boolean): void {
  response.clearCookie(sessionCookieName(secure), sessionCookieOptions(secure));
}

/** The session token from the cookie of the configured name only: with Secure, an unprefixed one may be planted. */
export function sessionTokenOf(request: Request, secure: boolean): string | undefined {
  const token = (request.cookies as Record<string, unknown> | undefined)?.[sessionCookieName(secure)];
  return typeof token === 'string' && token !== '' ? token : undefined;
}
