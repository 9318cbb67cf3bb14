import { afterEach, describe, expect, it } from '@jest/globals';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { trustedProxies, withClientAddress } from '../../scripts/client-address.mjs';

let server: Server | undefined;
afterEach(async () => {
  const running = server;
  server = undefined;
  if (!running) return;
  running.closeAllConnections();
  await new Promise((resolve) => running.close(resolve));
});

/** The console's front on loopback with `ADMIN_TRUST_PROXY=setting`, answering the X-Forwarded-For Next would see. */
async function consoleFront(setting: string | undefined): Promise<string> {
  server = createServer(withClientAddress((req, res) => res.end(String(req.headers['x-forwarded-for'])), trustedProxies(setting)));
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v1/auth/login`;
}

function forwardedFor(url: string, headers: Record<string, string> = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    request(url, { headers }, (res) => {
      let body = '';
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => resolve(body));
    })
      .on('error', reject)
      .end();
  });
}

const PEER = /^(::ffff:)?127\.0\.0\.1$/;

describe("the console's client address (X-Forwarded-For for the API's sign-in throttle)", () => {
  it('is the connecting peer, whatever X-Forwarded-For the browser sends, when no proxy is trusted (the default)', async () => {
    const url = await consoleFront(undefined);
    expect(await forwardedFor(url)).toMatch(PEER);
    expect(await forwardedFor(url, { 'x-forwarded-for': '203.0.113.7' })).toMatch(PEER);
    expect(await forwardedFor(url, { 'x-forwarded-for': '203.0.113.7, 198.51.100.1' })).toMatch(PEER);
  });

  it('is the client a trusted proxy states, and only the nearest one it does not trust (a forged first hop is ignored)', async () => {
    const url = await consoleFront('loopback');
    expect(await forwardedFor(url, { 'x-forwarded-for': '203.0.113.7' })).toBe('203.0.113.7');
    expect(await forwardedFor(url, { 'x-forwarded-for': '6.6.6.6, 203.0.113.7' })).toBe('203.0.113.7');
    expect(await forwardedFor(url)).toMatch(PEER);
  });

  it('does not trust a peer outside ADMIN_TRUST_PROXY', async () => {
    const url = await consoleFront('10.0.0.0/8');
    expect(await forwardedFor(url, { 'x-forwarded-for': '203.0.113.7' })).toMatch(PEER);
  });

  it('reads hop counts, and refuses `true`', () => {
    expect(trustedProxies('1')('127.0.0.1', 0)).toBe(true);
    expect(trustedProxies('1')('127.0.0.1', 1)).toBe(false);
    expect(trustedProxies('false')('127.0.0.1', 0)).toBe(false);
    expect(() => trustedProxies('true')).toThrow(/not true/);
  });
});
