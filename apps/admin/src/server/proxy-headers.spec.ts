import { describe, expect, it } from '@jest/globals';
import { downstreamResponseHeaders, upstreamRequestHeaders } from './proxy-headers';

describe('upstreamRequestHeaders', () => {
  it("presents the console's key and drops the browser's own credentials", () => {
    const headers = upstreamRequestHeaders(
      new Headers({ authorization: 'Bearer from-the-browser', cookie: 'a=b', 'content-type': 'application/json', 'x-request-id': 'r1' }),
      'server-key',
    );
    expect(headers.get('authorization')).toBe('Bearer server-key');
    expect(headers.get('cookie')).toBeNull();
    expect(headers.get('content-type')).toBe('application/json');
    expect(headers.get('x-request-id')).toBe('r1');
  });
});

describe('downstreamResponseHeaders', () => {
  it('returns content and rate-limit headers, not encoding or hop-by-hop ones', () => {
    const headers = downstreamResponseHeaders(
      new Headers({
        'content-type': 'application/json',
        'content-encoding': 'gzip',
        'content-length': '10',
        connection: 'keep-alive',
        'x-request-id': 'r1',
        'retry-after': '5',
        'ratelimit-remaining': '9',
        'x-ratelimit-limit': '10',
        'set-cookie': 'a=b',
      }),
    );
    expect(Object.fromEntries(headers)).toEqual({
      'content-type': 'application/json',
      'x-request-id': 'r1',
      'retry-after': '5',
      'ratelimit-remaining': '9',
      'x-ratelimit-limit': '10',
    });
  });
});
