import { BeforeApplicationShutdown, Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DATABASE, Database } from './database';

const lockKey = (instanceId: string) => `api-instance:${instanceId}`;

/**
 * This API process's presence on the database: a lock named after a random instance id, held for the process's
 * lifetime. Whatever the process marks with its id (an Idempotency-Key it claimed) can then be told abandoned the
 * moment the process is gone, instead of after a lease: the lock dies with the process (PostgreSQL releases a dead
 * session's advisory locks; an embedded SQLite file belongs to one process, so a previous process's id is dead).
 */
@Injectable()
export class InstancePresence implements OnModuleInit, BeforeApplicationShutdown {
  readonly instanceId = randomUUID();
  private leave!: () => void;
  private held?: Promise<void>;

  constructor(@Inject(DATABASE) private readonly db: Database) {}

  async onModuleInit(): Promise<void> {
    const left = new Promise<void>((resolve) => (this.leave = resolve));
    await new Promise<void>((acquired, failed) => {
      this.held = this.db
        .withLock(lockKey(this.instanceId), () => {
          acquired();
          return left;
        })
        .catch(failed);
    });
  }

  /** Whether the API instance `instanceId` is running (this one, or another on the same database). */
  async isAlive(instanceId: string): Promise<boolean> {
    return instanceId === this.instanceId || this.db.isLockHeld(lockKey(instanceId));
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.leave?.();
    await this.held;
  }
}
