// The API's console session cookie, as the proxy passes it between the browser and the API. Only this cookie
// crosses: other cookies of the console's origin are none of the API's business.

/**
 * Must match the API's names (apps/api/src/sessions/session-cookie.ts): `__Host-flex_sms_session` when the cookie is
 * Secure (Twilio credentials), `flex_sms_session` when it is not (the sandbox on http://localhost). Both are passed
 * on; the API reads only the one its configuration uses.
 */
export const SESSION_COOKIES = ['__Host-flex_sms_session', 'flex_sms_session'] as const;

const isSessionCookie = (name: string) => (SESSION_COOKIES as readonly string[]).includes(name);

/** The session cookie(s) from the browser's Cookie header (`flex_sms_session=<token>`), or null. */
export function sessionCookieOf(cookieHeader: string | null): string | null {
  if (!cookieHeader) return null;
  const found: string[] = [];
  for (const part of cookieHeader.split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (isSessionCookie(name) && value.join('=') !== '') found.push(`${name}=${value.join('=')}`);
  }
  return found.length > 0 ? found.join('; ') : null;
}

/** The API's Set-Cookie lines for the session cookie (setting or clearing it); any other cookie is dropped. */
export function sessionSetCookies(setCookies: readonly string[]): string[] {
  return setCookies.filter((line) => isSessionCookie(line.trimStart().split('=')[0]));
}
