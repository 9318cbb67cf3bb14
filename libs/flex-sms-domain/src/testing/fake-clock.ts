import type { Clock, Random } from '../ports/clock.port';

/** A clock that only moves when told to (or when slept on): retries and TTLs run instantly and exactly. */
export class FakeClock implements Clock {
  readonly sleeps: number[] = [];

  constructor(private current = Date.parse('2026-01-01T12:00:00Z')) {}

  now(): number {
    return this.current;
  }

  async sleep(ms: number): Promise<void> {
    this.sleeps.push(ms);
    this.current += ms;
  }

  advance(ms: number): void {
    this.current += ms;
  }
}

/** Randomness that returns the given values in turn (last one repeated). */
export class FixedRandom implements Random {
  private index = 0;

  constructor(private readonly values: number[] = [0.5]) {}

  next(): number {
    return this.values[Math.min(this.index++, this.values.length - 1)];
  }
}
