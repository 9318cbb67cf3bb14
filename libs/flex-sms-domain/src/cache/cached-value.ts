import type { Clock } from '../ports/clock.port';

/**
 * A value read from Twilio, trusted for `ttlMs`; concurrent readers of a stale value share one load, and a load
 * that was running during `invalidate()` is not kept as fresh.
 */
export class CachedValue<T> {
  private cached?: { value: T; loadedAt: number };
  private loading?: Promise<T>;
  private generation = 0;

  constructor(
    private readonly load: () => Promise<T>,
    private readonly clock: Clock,
    private readonly ttlMs: number,
  ) {}

  async get(options: { refresh?: boolean } = {}): Promise<T> {
    if (options.refresh) this.invalidate();
    if (this.cached && this.clock.now() - this.cached.loadedAt < this.ttlMs) return this.cached.value;
    if (!this.loading) {
      const generation = this.generation;
      this.loading = this.load()
        .then((value) => {
          if (generation === this.generation) this.cached = { value, loadedAt: this.clock.now() };
          return value;
        })
        .finally(() => {
          this.loading = undefined;
        });
    }
    return this.loading;
  }

  /** When the cached value was read (ms since the epoch), if it is held. */
  loadedAt(): number | undefined {
    return this.cached?.loadedAt;
  }

  invalidate(): void {
    this.generation += 1;
    this.cached = undefined;
    this.loading = undefined;
  }
}
