import { toErrorRecord } from '../errors';
import type { Clock } from '../ports/clock.port';
import type { Journal, StepName, StepOutcome, StepRecord } from '../ports/journal.port';

export interface StepResult<T> {
  value: T;
  outcome: StepOutcome;
  sids: Record<string, string>;
  data?: Record<string, unknown>;
}

/**
 * Times each step and writes it to the journal as it finishes; keeps the list so a rollback knows what was made.
 * A `resolved` step (a look-up that changed nothing in Twilio, such as the Flex Flow from the cache) needs no write
 * of its own: a crash after it leaves nothing to undo. It is written with the next step, or by `flush`, which saves
 * a database round trip on every request's response path.
 */
export class StepRecorder {
  readonly steps: StepRecord[] = [];
  private unwritten: StepRecord[] = [];

  constructor(
    private readonly journal: Journal,
    readonly requestId: string,
    private readonly clock: Clock,
  ) {}

  async run<T>(name: StepName, step: () => Promise<StepResult<T>>): Promise<T> {
    const startedAt = new Date(this.clock.now());
    try {
      const result = await step();
      await this.record({ name, outcome: result.outcome, sids: result.sids, data: result.data, startedAt, finishedAt: new Date(this.clock.now()) });
      return result.value;
    } catch (error) {
      await this.record({ name, outcome: 'failed', sids: {}, startedAt, finishedAt: new Date(this.clock.now()), error: toErrorRecord(error) });
      throw error;
    }
  }

  async record(step: StepRecord): Promise<void> {
    this.steps.push(step);
    this.unwritten.push(step);
    if (step.outcome !== 'resolved') await this.flush();
  }

  /** Writes the steps not yet in the journal (before the request is finished). */
  async flush(): Promise<void> {
    if (this.unwritten.length === 0) return;
    const steps = this.unwritten;
    this.unwritten = [];
    if (steps.length === 1) await this.journal.recordStep(this.requestId, steps[0]);
    else await this.journal.recordSteps(this.requestId, steps);
  }
}
