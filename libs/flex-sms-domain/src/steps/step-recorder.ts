import { DomainError } from '../errors';
import type { Clock } from '../ports/clock.port';
import type { ErrorRecord, Journal, StepName, StepOutcome, StepRecord } from '../ports/journal.port';

export interface StepResult<T> {
  value: T;
  outcome: StepOutcome;
  sids: Record<string, string>;
  data?: Record<string, unknown>;
}

export function toErrorRecord(error: unknown): ErrorRecord {
  if (error instanceof DomainError) {
    return { code: error.code, message: error.message, twilioCode: error.twilioCode, details: { ...error.details } };
  }
  return { code: 'UNEXPECTED', message: error instanceof Error ? error.message : String(error) };
}

/** Times each step and writes it to the journal as it finishes; keeps the list so a rollback knows what was made. */
export class StepRecorder {
  readonly steps: StepRecord[] = [];

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
    await this.journal.recordStep(this.requestId, step);
  }
}
