/**
 * At most `running` tasks at once, at most `waiting` more queued in arrival order; beyond that `run` refuses at once
 * (`ConcurrencyLimitReached`) rather than queue without bound.
 */
export class ConcurrencyLimit {
  private active = 0;
  private readonly queue: (() => void)[] = [];

  constructor(
    readonly running: number,
    readonly waiting: number,
  ) {}

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.active >= this.running) {
      if (this.queue.length >= this.waiting) throw new ConcurrencyLimitReached();
      // The slot is handed over by the task that finishes (see release), so `active` never dips in between.
      await new Promise<void>((resolve) => this.queue.push(resolve));
    } else {
      this.active++;
    }
    try {
      return await task();
    } finally {
      this.release();
    }
  }

  private release(): void {
    const next = this.queue.shift();
    if (next) next();
    else this.active--;
  }
}

export class ConcurrencyLimitReached extends Error {
  constructor() {
    super('Concurrency limit reached');
  }
}
