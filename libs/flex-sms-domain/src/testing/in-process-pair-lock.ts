import { NEVER_LOST, type HeldPairLock, type PairLock } from '../ports/pair-lock.port';

/** A PairLock for one process: callers for the same key run one after another, in arrival order. */
export class InProcessPairLock implements PairLock {
  private readonly tails = new Map<string, Promise<unknown>>();
  /** Keys held right now (tests assert on it). */
  readonly held = new Set<string>();

  async withLock<T>(key: string, fn: (lock: HeldPairLock) => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const run = previous
      .catch(() => undefined)
      .then(async () => {
        this.held.add(key);
        try {
          return await fn(NEVER_LOST);
        } finally {
          this.held.delete(key);
        }
      });
    const tail = run.catch(() => undefined);
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return run;
  }
}
