import { InProcessPairLock } from './in-process-pair-lock';

describe('InProcessPairLock', () => {
  it('runs holders of one key one after another, in arrival order, and other keys alongside', async () => {
    const lock = new InProcessPairLock();
    const events: string[] = [];
    const hold = (key: string, name: string) =>
      lock.withLock(key, async () => {
        events.push(`${name} in`);
        await new Promise((resolve) => setImmediate(resolve));
        events.push(`${name} out`);
        return name;
      });

    await Promise.all([hold('a', 'first'), hold('a', 'second'), hold('b', 'other')]);

    expect(events.indexOf('second in')).toBeGreaterThan(events.indexOf('first out'));
    expect(events.indexOf('other in')).toBeLessThan(events.indexOf('first out'));
  });

  it('releases the key when the holder fails', async () => {
    const lock = new InProcessPairLock();
    await expect(lock.withLock('a', async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(lock.withLock('a', async () => 'next')).resolves.toBe('next');
    expect(lock.held.size).toBe(0);
  });
});
