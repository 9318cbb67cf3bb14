import type { CleanupCandidate, CleanupJobKind } from './cleanup-job';
import type { CleanupItemHandler } from './cleanup-item-handler';

/** What a clean-up would touch, found exactly as the real run finds it, without changing anything. */
export interface CleanupPreview {
  kind: CleanupJobKind;
  dryRun: true;
  total: number;
  /** Counts by the item's status at selection (a session's status, a channel's flow…). */
  byStatus: Record<string, number>;
  /** The first items, in the order the job would clean them. */
  sample: CleanupCandidate[];
}

export const PREVIEW_SAMPLE_SIZE = 20;

export async function previewCleanup(
  handler: CleanupItemHandler,
  job: { selection: Record<string, unknown>; options: Record<string, unknown> },
): Promise<CleanupPreview> {
  const preview: CleanupPreview = { kind: handler.kind, dryRun: true, total: 0, byStatus: {}, sample: [] };
  for await (const page of handler.select(job)) {
    for (const candidate of page) {
      preview.total++;
      const status = String(candidate.data.status ?? 'unknown');
      preview.byStatus[status] = (preview.byStatus[status] ?? 0) + 1;
      if (preview.sample.length < PREVIEW_SAMPLE_SIZE) preview.sample.push(candidate);
    }
  }
  return preview;
}
