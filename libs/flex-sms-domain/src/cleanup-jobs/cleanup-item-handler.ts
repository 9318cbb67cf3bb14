import type { CleanupCandidate, CleanupItem, CleanupJob, CleanupJobKind } from './cleanup-job';

/** What processing one item came to (a failure is thrown, and recorded as `failed` with its error). */
export type CleanupItemOutcome = 'done' | 'skipped';

/** One kind of clean-up: how its items are found and how one is cleaned. The runner does the rest. */
export interface CleanupItemHandler {
  readonly kind: CleanupJobKind;
  /** Pages of matching items. Evaluated when the job selects (relative ages against the time of selection). */
  select(job: Pick<CleanupJob, 'selection' | 'options'>): AsyncIterable<CleanupCandidate[]>;
  /** Cleans one item. Must be safe to repeat: a restart can process an item again. */
  process(item: CleanupItem, job: CleanupJob): Promise<CleanupItemOutcome>;
}
