import { toErrorRecord } from '../errors';
import type { Clock } from '../ports/clock.port';
import type { ErrorRecord, Journal, NewPendingStep, PendingStepName, RequestOutcome, StepName, StepOutcome, StepRecord } from '../ports/journal.port';
import { NEVER_LOST, type HeldPairLock } from '../ports/pair-lock.port';
import { mustJournalAtOnce, mustJournalBefore } from './undo';

export interface StepResult<T> {
  value: T;
  outcome: StepOutcome;
  sids: Record<string, string>;
  data?: Record<string, unknown>;
}

/**
 * A step that made something another request may have made instead (see Journal.recordClaim): the journal settles
 * whether it was `created` or `reused` as it records the step, and `value` is worked out from that.
 */
export interface ClaimResult<T> {
  value: (outcome: 'created' | 'reused') => T;
  /** The key in `sids` of what was made. */
  claims: string;
  sids: Record<string, string>;
  data?: Record<string, unknown>;
}

/**
 * Times each step and journals it; keeps the list so a rollback knows what was made. A step is written as soon as
 * crash recovery would need it (mustJournalAtOnce: a channel or interaction it made, an attribute value it replaced),
 * any other with the next write: the one before the SMS is sent (mustJournalBefore), or the request's outcome
 * (`finish`). A request writes its steps in two or three writes instead of one each, a database round trip less on
 * the response path for every step. Follow-up work (pending steps) is written with the outcome, before the answer.
 *
 * Before each step it checks that the pair lock is still held (HeldPairLock.assertKept): a request that lost it
 * sends Twilio nothing more, whether or not a journal write would have come first.
 */
export class StepRecorder {
  readonly steps: StepRecord[] = [];
  private unwritten: StepRecord[] = [];
  private pending: NewPendingStep[] = [];

  private readonly journalAtOnce: (step: StepRecord, earlier: readonly StepRecord[]) => boolean;

  /** `journalAtOnce`: which steps are written as they finish (default: those crash recovery needs, mustJournalAtOnce). */
  constructor(
    private readonly journal: Journal,
    readonly requestId: string,
    private readonly clock: Clock,
    private readonly lock: HeldPairLock = NEVER_LOST,
    options: { journalAtOnce?: (step: StepRecord, earlier: readonly StepRecord[]) => boolean } = {},
  ) {
    this.journalAtOnce = options.journalAtOnce ?? mustJournalAtOnce;
  }

  async run<T>(name: StepName, step: () => Promise<StepResult<T> | ClaimResult<T>>): Promise<T> {
    this.lock.assertKept();
    if (mustJournalBefore(name)) await this.flush();
    const startedAt = new Date(this.clock.now());
    let result: StepResult<T> | ClaimResult<T>;
    try {
      result = await step();
    } catch (error) {
      await this.record({ name, outcome: 'failed', sids: {}, startedAt, finishedAt: new Date(this.clock.now()), error: toErrorRecord(error) });
      throw error;
    }
    const finishedAt = new Date(this.clock.now());
    if ('claims' in result) {
      const outcome = await this.recordClaim(
        { name, outcome: 'created', sids: result.sids, data: result.data, startedAt, finishedAt },
        result.claims,
      );
      return result.value(outcome);
    }
    await this.record({ name, outcome: result.outcome, sids: result.sids, data: result.data, startedAt, finishedAt });
    return result.value;
  }

  async record(step: StepRecord): Promise<void> {
    const atOnce = this.journalAtOnce(step, this.steps);
    this.steps.push(step);
    this.unwritten.push(step);
    if (atOnce) await this.flush();
  }

  /** Follow-up work to run after the request answers, written with its outcome (`finish`). */
  recordPending(step: NewPendingStep): void {
    this.pending.push(step);
  }

  /** Writes the steps not yet in the journal. */
  async flush(): Promise<void> {
    if (this.unwritten.length === 0) return;
    const steps = this.takeUnwritten();
    if (steps.length === 1) await this.journal.recordStep(this.requestId, steps[0]);
    else await this.journal.recordSteps(this.requestId, steps);
  }

  /** Records the request's outcome with every step and follow-up not written yet: its last write. */
  async finish(outcome: RequestOutcome): Promise<void> {
    const steps = this.takeUnwritten();
    const pendingSteps = outcome.status === 'succeeded' ? this.pending : [];
    this.pending = [];
    await this.journal.finish(this.requestId, outcome, { steps, pendingSteps });
  }

  /** Settles a pending step (follow-up work) with the steps not written yet: one write. */
  async settlePending(name: PendingStepName, outcome: { status: 'done' | 'failed' | 'pending'; at: Date; error?: ErrorRecord }): Promise<void> {
    await this.journal.settlePendingStep(this.requestId, name, outcome, this.takeUnwritten());
  }

  private async recordClaim(step: StepRecord, claims: string): Promise<'created' | 'reused'> {
    this.unwritten.push(step);
    let outcome: 'created' | 'reused';
    try {
      outcome = await this.journal.recordClaim(this.requestId, this.takeUnwritten(), claims);
    } catch (error) {
      // Unsettled, it counts as not made by this request: a rollback must never remove another request's channel.
      this.steps.push({ ...step, outcome: 'failed', sids: {}, error: toErrorRecord(error) });
      throw error;
    }
    this.steps.push({ ...step, outcome });
    return outcome;
  }

  private takeUnwritten(): StepRecord[] {
    const steps = this.unwritten;
    this.unwritten = [];
    return steps;
  }
}
