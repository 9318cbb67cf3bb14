// The API's console session cookie, as the proxy passes it between the browser and the API. Only this cookie
// crosses: other cookies of the console's origin are none of the API's business.

/** Must match the API's SESSION_COOKIE (apps/api/src/sessions/session-cookie.ts). */
export const SESSION_COOKIE = 'flex_sms_session';

/** `flex_sms_session=<token>` from the browser's Cookie header, or null. */
export function sessionCookieOf(cookieHeader: string | null): string | null {
  if (!cookieHeader) return null;
  for (const part of cookieHeader.split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === SESSION_COOKIE && value.join('=') !== '') return `${SESSION_COOKIE}=${value.join('=')}`;
  }
  return null;
}

/** The API's Set-Cookie lines for the session cookie (setting or clearing it); any other cookie is dropped. */
export function sessionSetCookies(setCookies: readonly string[]): string[] {
  return setCookies.filter((line) => line.trimStart().startsWith(`${SESSION_COOKIE}=`));
}
