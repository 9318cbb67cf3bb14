import { describe, expect, it } from '@jest/globals';
import { DEMO_API_KEY, readApiProxyConfig } from './api-proxy-config';

describe('readApiProxyConfig', () => {
  it('defaults to a local API with the demo key', () => {
    expect(readApiProxyConfig({})).toEqual({ apiUrl: 'http://127.0.0.1:3000', apiKey: DEMO_API_KEY, timeoutMs: 30_000 });
  });

  it('reads API_URL (without trailing slashes), API_KEY and API_TIMEOUT_MS', () => {
    expect(readApiProxyConfig({ API_URL: 'http://api:3000//', API_KEY: 'k', API_TIMEOUT_MS: '500' })).toEqual({
      apiUrl: 'http://api:3000',
      apiKey: 'k',
      timeoutMs: 500,
    });
  });

  it('ignores a timeout that is not a positive number', () => {
    expect(readApiProxyConfig({ API_TIMEOUT_MS: 'soon' }).timeoutMs).toBe(30_000);
  });
});
