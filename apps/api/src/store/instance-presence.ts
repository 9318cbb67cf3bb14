import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DATABASE, Database } from './database';
import { DatabaseUnavailable } from './database-unavailable';
import { HeldLock } from './held-lock';

const lockKey = (instanceId: string) => `api-instance:${instanceId}`;

/** Between attempts to take the presence again while the database is away: soon at first, then every second. */
const REENTER_DELAYS_MS = [100, 250, 500, 1_000];

/**
 * This API process's presence on the database: a lock named after a random instance id, held for the process's
 * lifetime. Whatever the process marks with its id (an Idempotency-Key it claimed) can then be told abandoned the
 * moment the process is gone, instead of after a lease: the lock dies with the process (PostgreSQL releases a dead
 * session's advisory locks; an embedded SQLite file belongs to one process, so a previous process's id is dead).
 *
 * The lock also dies with its session while the process lives on (PostgreSQL restarted): other instances may then
 * see this id dead and take its keys over. So the id dies for good too: work that relied on it (requests that
 * claimed a key under it, which run under `lock`) fails at its next statement, and the presence is taken again,
 * as soon as the database answers, under a new id.
 */
@Injectable()
export class InstancePresence implements OnModuleInit, BeforeApplicationShutdown {
  private readonly logger = new Logger('InstancePresence');
  private current!: { instanceId: string; lock: HeldLock };
  private leaving = false;
  private leave!: () => void;
  private readonly left = new Promise<void>((resolve) => (this.leave = resolve));
  private staying?: Promise<void>;

  constructor(@Inject(DATABASE) private readonly db: Database) {}

  /** The id this process claims things under now. */
  get instanceId(): string {
    return this.current.instanceId;
  }

  /** The lock behind the current id: work that relies on the id being alive runs under it (whileHolding). */
  get lock(): HeldLock {
    return this.current.lock;
  }

  async onModuleInit(): Promise<void> {
    // The first presence is a condition of starting; a lost one is taken again in the background.
    this.staying = this.stay((await this.enter()).end);
  }

  /** Whether the API instance `instanceId` is running (this one, or another on the same database). */
  async isAlive(instanceId: string): Promise<boolean> {
    if (instanceId === this.current.instanceId && !this.current.lock.isLost) return true;
    return this.db.isLockHeld(lockKey(instanceId));
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.leaving = true;
    this.leave();
    await this.staying;
  }

  /**
   * Takes the presence under a fresh id; resolves once it is held, with its end: the loss, or undefined once this
   * process has left (the lock released).
   */
  private enter(): Promise<{ end: Promise<DatabaseUnavailable | undefined> }> {
    const instanceId = randomUUID();
    return new Promise((entered, failed) => {
      let isEntered = false;
      const end: Promise<DatabaseUnavailable | undefined> = this.db
        .withLock(lockKey(instanceId), async (lock) => {
          this.current = { instanceId, lock };
          isEntered = true;
          entered({ end });
          return Promise.race([this.left.then(() => undefined), lock.lost]);
        })
        .catch((error: unknown) => {
          if (!isEntered) failed(error);
          // Held, then failed some other way: as good as lost, so it is taken again.
          return error instanceof DatabaseUnavailable
            ? error
            : new DatabaseUnavailable(error instanceof Error ? error.message : String(error), { cause: error });
        });
    });
  }

  private async stay(end: Promise<DatabaseUnavailable | undefined>): Promise<void> {
    for (let lost = await end; lost;) {
      this.logger.warn(`Lost this instance's presence on the database (${lost.message}); taking it again under a new id once the database answers`);
      const next = await this.reenter();
      if (!next) return;
      this.logger.log(`Present on the database again, as instance ${this.instanceId}`);
      lost = await next.end;
    }
  }

  private async reenter(): Promise<{ end: Promise<DatabaseUnavailable | undefined> } | undefined> {
    for (let attempt = 0; !this.leaving; attempt++) {
      try {
        return await this.enter();
      } catch (error) {
        if (!(error instanceof DatabaseUnavailable))
          this.logger.error(`Could not take this instance's presence again: ${error instanceof Error ? error.message : String(error)}`);
      }
      await Promise.race([
        this.left,
        new Promise((resolve) => setTimeout(resolve, REENTER_DELAYS_MS[Math.min(attempt, REENTER_DELAYS_MS.length - 1)]).unref()),
      ]);
    }
    return undefined;
  }
}
