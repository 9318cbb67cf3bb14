import { describe, expect, it } from '@jest/globals';
import { downstreamResponseHeaders, upstreamRequestHeaders } from './proxy-headers';

describe('upstreamRequestHeaders', () => {
  it("forwards the session cookie, the browser's origin and address, and drops the browser's own Authorization", () => {
    const headers = upstreamRequestHeaders(
      new Headers({
        authorization: 'Bearer from-the-browser',
        cookie: 'a=b; flex_sms_session=tok',
        'content-type': 'application/json',
        'x-request-id': 'r1',
        origin: 'http://localhost:4200',
        'x-forwarded-for': '10.1.2.3',
        host: 'localhost:4200',
      }),
    );
    expect(Object.fromEntries(headers)).toEqual({
      cookie: 'flex_sms_session=tok',
      'content-type': 'application/json',
      'x-request-id': 'r1',
      origin: 'http://localhost:4200',
      'x-forwarded-for': '10.1.2.3',
    });
  });

  it('sends no cookie when the browser has no session', () => {
    expect(upstreamRequestHeaders(new Headers({ cookie: 'theme=dark' })).get('cookie')).toBeNull();
  });
});

describe('downstreamResponseHeaders', () => {
  it('returns content, rate-limit and session-cookie headers, not encoding, hop-by-hop or other cookies', () => {
    const upstream = new Headers({
      'content-type': 'application/json',
      'content-encoding': 'gzip',
      'content-length': '10',
      connection: 'keep-alive',
      'x-request-id': 'r1',
      'retry-after': '5',
      'ratelimit-remaining': '9',
      'x-ratelimit-limit': '10',
    });
    upstream.append('set-cookie', 'a=b');
    upstream.append('set-cookie', 'flex_sms_session=tok; Path=/; HttpOnly; SameSite=Strict');
    const headers = downstreamResponseHeaders(upstream);
    expect(headers.getSetCookie()).toEqual(['flex_sms_session=tok; Path=/; HttpOnly; SameSite=Strict']);
    headers.delete('set-cookie');
    expect(Object.fromEntries(headers)).toEqual({
      'content-type': 'application/json',
      'x-request-id': 'r1',
      'retry-after': '5',
      'ratelimit-remaining': '9',
      'x-ratelimit-limit': '10',
    });
  });
});
