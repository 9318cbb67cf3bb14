import { advisoryLockKey } from './advisory-lock-key';

describe('advisoryLockKey', () => {
  it('maps a name to the same signed 64-bit integer every time, and other names elsewhere', () => {
    const key = advisoryLockKey('outbound:+15005550006');
    expect(key).toBe(advisoryLockKey('outbound:+15005550006'));
    expect(key).not.toBe(advisoryLockKey('outbound:+15005550007'));
    const value = BigInt(key);
    expect(value >= -(2n ** 63n) && value < 2n ** 63n).toBe(true);
  });
});
