import { describe, expect, it } from '@jest/globals';
import { readApiProxyConfig } from './api-proxy-config';

describe('readApiProxyConfig', () => {
  it('defaults to a local API', () => {
    expect(readApiProxyConfig({})).toEqual({ apiUrl: 'http://127.0.0.1:3000', timeoutMs: 30_000 });
  });

  it('reads API_URL (without trailing slashes) and API_TIMEOUT_MS, and holds no key even when API_KEY is set', () => {
    expect(readApiProxyConfig({ API_URL: 'http://api:3000//', API_KEY: 'k', API_TIMEOUT_MS: '500' })).toEqual({
      apiUrl: 'http://api:3000',
      timeoutMs: 500,
    });
  });

  it('ignores a timeout that is not a positive number', () => {
    expect(readApiProxyConfig({ API_TIMEOUT_MS: 'soon' }).timeoutMs).toBe(30_000);
  });
});
