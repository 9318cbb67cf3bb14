import { describe, expect, it } from '@jest/globals';
import { sessionCookieOf, sessionSetCookies } from './session-cookie';

describe('session cookie forwarding', () => {
  it('picks the session cookie out of the browser’s Cookie header', () => {
    expect(sessionCookieOf('theme=dark; flex_sms_session=abc-DEF_123=; other=1')).toBe('flex_sms_session=abc-DEF_123=');
    expect(sessionCookieOf('flex_sms_session_old=x; theme=dark')).toBeNull();
    expect(sessionCookieOf('flex_sms_session=')).toBeNull();
    expect(sessionCookieOf(null)).toBeNull();
  });

  it('passes back only the API’s Set-Cookie lines for the session', () => {
    expect(sessionSetCookies(['flex_sms_session=t; Path=/; HttpOnly; SameSite=Strict', 'tracker=1; Path=/'])).toEqual(['flex_sms_session=t; Path=/; HttpOnly; SameSite=Strict']);
  });
});
