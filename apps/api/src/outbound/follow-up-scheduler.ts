import { BeforeApplicationShutdown, Injectable, Logger } from '@nestjs/common';
import type { PendingStepsReport } from '@flex-sms/domain';
import { apartFromHeldLocks } from '../store/held-lock';

/** Twilio unavailable for a follow-up: try again after these delays, then leave it to the next start-up. */
export const FOLLOW_UP_RETRY_DELAYS_MS = [5_000, 30_000, 120_000];

type Runner = (requestId: string) => Promise<PendingStepsReport>;

/**
 * Runs a request's follow-up work (CompletePendingSteps) after its answer has gone: the agent flow's channel
 * attribute write costs the caller no waiting. The work is journaled before the answer, so if this process stops
 * first, ResolveInFlight finishes it at the next start-up. Shutdown waits for what is running.
 */
@Injectable()
export class FollowUpScheduler implements BeforeApplicationShutdown {
  private readonly logger = new Logger('FollowUp');
  private readonly running = new Set<Promise<void>>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private runner?: Runner;
  private stopping = false;

  /** Set once the use case exists (it needs the dependencies this scheduler is part of). */
  attach(runner: Runner): void {
    this.runner = runner;
  }

  schedule(requestId: string, attempt = 0): void {
    if (this.stopping || !this.runner) return;
    const runner = this.runner;
    const run = new Promise<void>((resolve) => setImmediate(resolve))
      // Work of its own, not the answered request's: it must not fail because that request's locks were lost since.
      .then(() => apartFromHeldLocks(() => runner(requestId)))
      .then((report) => this.afterRun(report, attempt))
      .catch((error: unknown) => this.logger.error(`Follow-up of ${requestId} failed: ${error instanceof Error ? error.message : String(error)}`))
      .finally(() => this.running.delete(run));
    this.running.add(run);
  }

  /** Resolves when no follow-up is running (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.allSettled([...this.running]);
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    for (const timer of this.timers) clearTimeout(timer);
    await this.idle();
  }

  private afterRun(report: PendingStepsReport, attempt: number): void {
    if (report.failed.length > 0) this.logger.warn(`Follow-up of ${report.requestId} failed for good: ${report.failed.join(', ')} (see the journal)`);
    if (report.postponed.length === 0) return;
    const delay = FOLLOW_UP_RETRY_DELAYS_MS[attempt];
    if (delay === undefined) {
      this.logger.warn(`Follow-up of ${report.requestId} postponed until the next start-up: Twilio stayed unavailable`);
      return;
    }
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      this.schedule(report.requestId, attempt + 1);
    }, delay);
    timer.unref();
    this.timers.add(timer);
  }
}
