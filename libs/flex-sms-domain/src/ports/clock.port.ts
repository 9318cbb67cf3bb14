/** Time, behind a port so retries and cache expiry are instant and exact in unit tests. */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
  sleep(ms: number): Promise<void>;
}

/** Randomness (backoff jitter), behind a port for the same reason. */
export interface Random {
  /** A number in [0, 1). */
  next(): number;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

export const mathRandom: Random = { next: () => Math.random() };
