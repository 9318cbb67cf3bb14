import { generateApiKey, prefixOf } from './api-key-format';

describe('API key format', () => {
  it('generates fsk_<prefix>_<secret> keys whose prefix is recoverable', () => {
    const { key, prefix } = generateApiKey();
    expect(key).toMatch(/^fsk_[A-Za-z0-9]{8}_[A-Za-z0-9]{40}$/);
    expect(key.startsWith(`${prefix}_`)).toBe(true);
    expect(prefixOf(key)).toBe(prefix);
  });

  it('generates a different key every time', () => {
    const keys = new Set(Array.from({ length: 200 }, () => generateApiKey().key));
    expect(keys.size).toBe(200);
  });

  it('refuses anything that is not a whole key', () => {
    const { key } = generateApiKey();
    for (const presented of [key.slice(0, -1), `${key}x`, key.replace('fsk_', 'sk_'), 'demo-api-key-flex-outbound-sms', '']) {
      expect(prefixOf(presented)).toBeUndefined();
    }
  });
});
