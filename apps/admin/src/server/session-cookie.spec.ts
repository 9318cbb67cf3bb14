import { describe, expect, it } from '@jest/globals';
import { sessionCookieOf, sessionSetCookies } from './session-cookie';

describe('session cookie forwarding', () => {
  it('picks the session cookie out of the browser’s Cookie header', () => {
    expect(sessionCookieOf('theme=dark; flex_sms_session=abc-DEF_123=; other=1')).toBe('flex_sms_session=abc-DEF_123=');
    expect(sessionCookieOf('flex_sms_session_old=x; theme=dark')).toBeNull();
    expect(sessionCookieOf('flex_sms_session=')).toBeNull();
    expect(sessionCookieOf(null)).toBeNull();
  });

  it('passes the __Host- prefixed cookie an API with Twilio credentials sets (Secure), and nothing like it', () => {
    expect(sessionCookieOf('theme=dark; __Host-flex_sms_session=tok')).toBe('__Host-flex_sms_session=tok');
    expect(sessionCookieOf('__Secure-flex_sms_session=tok; __host-flex_sms_session=tok')).toBeNull();
    expect(sessionSetCookies(['__Host-flex_sms_session=t; Path=/; HttpOnly; Secure; SameSite=Strict', '__Host-other=1; Path=/; Secure'])).toEqual([
      '__Host-flex_sms_session=t; Path=/; HttpOnly; Secure; SameSite=Strict',
    ]);
  });

  it('passes back only the API’s Set-Cookie lines for the session', () => {
    expect(sessionSetCookies(['flex_sms_session=t; Path=/; HttpOnly; SameSite=Strict', 'tracker=1; Path=/'])).toEqual([
      'flex_sms_session=t; Path=/; HttpOnly; SameSite=Strict',
    ]);
  });
});
