import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { ResolveInFlight, type InFlightResolution, type RolledBackRequest } from '@flex-sms/domain';
import { IdempotencyStore } from '../idempotency/idempotency-store';
import { DATABASE_AVAILABILITY, type DatabaseAvailability } from '../store/database-availability';
import { DatabaseUnavailable } from '../store/database-unavailable';

/** Runs after a database outage start at most this often (an embedded database whose disk stays full fails, recovers, fails…). */
const MIN_RERUN_INTERVAL_MS = 5_000;

/**
 * Crash recovery: requests left in flight are rolled back, answered requests with follow-up work get it done
 * (ResolveInFlight). At start-up, for what a previous process left; and again each time the database answers after
 * an outage, for the requests the outage interrupted (their journal writes failed, so they stayed in flight) —
 * without waiting for a restart. It runs beside requests rather than before them: a Twilio outage must not keep the
 * API down, and the pair lock keeps it from racing a live request for the same conversation (a live request holds
 * it; one whose lock was lost with its connection can no longer write, and recovery waits out the Twilio request
 * timeout before undoing).
 */
@Injectable()
export class InFlightRecovery implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('InFlightRecovery');
  private startup?: Promise<InFlightResolution | null>;
  private running: Promise<unknown> = Promise.resolve();
  private rerunQueued = false;
  private lastRunAt = 0;
  private stopping = false;
  private wake?: () => void;

  constructor(
    @Inject(ResolveInFlight) private readonly resolveInFlight: ResolveInFlight,
    @Inject(IdempotencyStore) private readonly idempotencyKeys: IdempotencyStore,
    @Inject(DATABASE_AVAILABILITY) private readonly availability: DatabaseAvailability,
  ) {}

  onApplicationBootstrap(): void {
    this.startup = this.run('Recovery of interrupted requests');
    this.running = this.startup;
    this.availability.onBack(() => this.rerun());
  }

  /** The start-up recovery's outcome (null when it failed); resolves once it is done. */
  done(): Promise<InFlightResolution | null> {
    return this.startup ?? Promise.resolve(null);
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    this.wake?.();
    await this.running;
  }

  /**
   * Another instance died with requests in flight (its campaign claims are abandoned while their journal rows stay
   * in flight): settle them now rather than when some instance next starts, which may be never.
   */
  recoverAbandoned(): void {
    this.rerun('Recovery of the requests a stopped instance left in flight');
  }

  /** One run queued behind the current one is enough: it reads the journal afresh. */
  private rerun(what = 'Recovery of the requests a database outage interrupted'): void {
    if (this.stopping || this.rerunQueued) return;
    this.rerunQueued = true;
    const previous = this.running;
    this.running = (async () => {
      await previous;
      await this.pause(this.lastRunAt + MIN_RERUN_INTERVAL_MS - Date.now());
      this.rerunQueued = false;
      if (!this.stopping) await this.run(what);
    })();
  }

  private run(what: string): Promise<InFlightResolution | null> {
    this.lastRunAt = Date.now();
    return this.resolveInFlight
      .execute((rolledBack) => this.freeIdempotencyKey(rolledBack))
      .then(
        (resolution) => {
          this.report(resolution);
          return resolution;
        },
        (error: unknown) => {
          if (error instanceof DatabaseUnavailable)
            this.logger.warn(`${what} stopped, the database is unavailable (${error.message}); it runs again once it answers`);
          else this.logger.error(`${what} failed: ${error instanceof Error ? error.message : String(error)}`);
          return null;
        },
      );
  }

  private pause(ms: number): Promise<void> {
    if (ms <= 0) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }

  /**
   * The interrupted request never answered, so its caller will retry with the same key: free it now rather than
   * answering 409 "still running" until the key's lease runs out.
   */
  private async freeIdempotencyKey({ idempotencyKey, caller }: RolledBackRequest): Promise<void> {
    if (idempotencyKey) await this.idempotencyKeys.release(caller, idempotencyKey);
  }

  private report(resolution: InFlightResolution): void {
    for (const { requestId, undone, handedOverTo } of resolution.rolledBack) {
      if (handedOverTo) {
        this.logger.warn(`Request ${requestId} was interrupted; its conversation was kept: request ${handedOverTo} answered with it since`);
        continue;
      }
      const failed = undone.filter((record) => !record.ok);
      this.logger.warn(
        `Request ${requestId} was interrupted; undid ${undone.length - failed.length} change(s)` +
          (failed.length ? `, ${failed.length} could not be undone (see the journal)` : ''),
      );
    }
    for (const report of resolution.followedUp) {
      this.logger.log(`Finished follow-up of ${report.requestId}: done ${report.completed.join(', ') || 'nothing'}`);
    }
  }
}
