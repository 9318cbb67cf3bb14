import type { CleanupJob } from '../../cleanup-jobs/cleanup-job';
import { previewCleanup, type CleanupPreview } from '../../cleanup-jobs/cleanup-preview';
import { startCleanupJob, type CleanupJobContext } from '../../cleanup-jobs/start-cleanup-job';
import type { LongLivedChannelCleanupHandler } from './long-lived-channel-cleanup.handler';
import { readLongLivedChannelSelection, type LongLivedChannelSelection } from './long-lived-channel-selection';

export interface CleanUpLongLivedChannelsCommand {
  selection: LongLivedChannelSelection;
  requestedBy: string;
  scheduleId?: string;
}

/** Clears the long-lived flag of idle channels and sets them INACTIVE: a dry run first (`preview`), then a job (`start`). */
export class CleanUpLongLivedChannels {
  constructor(
    private readonly handler: LongLivedChannelCleanupHandler,
    private readonly jobs: CleanupJobContext,
  ) {}

  async preview(selection: LongLivedChannelSelection): Promise<CleanupPreview> {
    return previewCleanup(this.handler, { selection: { ...readLongLivedChannelSelection(selection) }, options: {} });
  }

  async start(command: CleanUpLongLivedChannelsCommand): Promise<CleanupJob> {
    return startCleanupJob(this.jobs, {
      kind: this.handler.kind,
      selection: { ...readLongLivedChannelSelection(command.selection) },
      options: {},
      requestedBy: command.requestedBy,
      scheduleId: command.scheduleId ?? null,
    });
  }
}
