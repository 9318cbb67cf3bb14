import type { CookieOptions, Request, Response } from 'express';

/**
 * The console session cookie. httpOnly: page scripts (and so an XSS) cannot read it. SameSite=Strict: the browser
 * never sends it with a request started by another site, the first defence against CSRF (the guard's Origin check
 * is the second). The admin console's proxy passes it between the browser and the API unchanged.
 */
export const SESSION_COOKIE = 'flex_sms_session';

export function sessionCookieOptions(secure: boolean): CookieOptions {
  return { httpOnly: true, sameSite: 'strict', secure, path: '/' };
}

export function setSessionCookie(response: Response, token: string, expiresAt: Date, secure: boolean): void {
  response.cookie(SESSION_COOKIE, token, { ...sessionCookieOptions(secure), expires: expiresAt });
}

export function clearSessionCookie(response: Response, secure: boolean): void {
  response.clearCookie(SESSION_COOKIE, sessionCookieOptions(secure));
}

export function sessionTokenOf(request: Request): string | undefined {
  const token = (request.cookies as Record<string, unknown> | undefined)?.[SESSION_COOKIE];
  return typeof token === 'string' && token !== '' ? token : undefined;
}
