import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { ResolveInFlight, type InFlightResolution, type RolledBackRequest } from '@flex-sms/domain';
import { IdempotencyStore } from '../idempotency/idempotency-store';

/**
 * Crash recovery at start-up: requests a previous process left in flight are rolled back, answered requests with
 * follow-up work get it done (ResolveInFlight). It runs beside the first requests rather than before listening: a
 * Twilio outage at start-up must not keep the API down, and the pair lock keeps it from racing a new request for
 * the same conversation.
 */
@Injectable()
export class InFlightRecovery implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('InFlightRecovery');
  private running?: Promise<InFlightResolution | null>;

  constructor(
    @Inject(ResolveInFlight) private readonly resolveInFlight: ResolveInFlight,
    @Inject(IdempotencyStore) private readonly idempotencyKeys: IdempotencyStore,
  ) {}

  onApplicationBootstrap(): void {
    this.running = this.resolveInFlight.execute((rolledBack) => this.freeIdempotencyKey(rolledBack)).then(
      (resolution) => {
        this.report(resolution);
        return resolution;
      },
      (error: unknown) => {
        this.logger.error(`Recovery of interrupted requests failed: ${error instanceof Error ? error.message : String(error)}`);
        return null;
      },
    );
  }

  /** The start-up recovery's outcome (null when it failed); resolves once it is done. */
  done(): Promise<InFlightResolution | null> {
    return this.running ?? Promise.resolve(null);
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.running;
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
        this.logger.warn(`Request ${requestId} was interrupted by a stop; its conversation was kept: request ${handedOverTo} answered with it since`);
        continue;
      }
      const failed = undone.filter((record) => !record.ok);
      this.logger.warn(
        `Request ${requestId} was interrupted by a stop; undid ${undone.length - failed.length} change(s)` +
          (failed.length ? `, ${failed.length} could not be undone (see the journal)` : ''),
      );
    }
    for (const report of resolution.followedUp) {
      this.logger.log(`Finished follow-up of ${report.requestId}: done ${report.completed.join(', ') || 'nothing'}`);
    }
  }
}
