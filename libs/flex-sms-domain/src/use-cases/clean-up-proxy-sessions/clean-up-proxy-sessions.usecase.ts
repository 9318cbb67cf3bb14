import type { CleanupJob } from '../../cleanup-jobs/cleanup-job';
import { previewCleanup, type CleanupPreview } from '../../cleanup-jobs/cleanup-preview';
import { startCleanupJob, type CleanupJobContext } from '../../cleanup-jobs/start-cleanup-job';
import type { ProxySessionCleanupHandler } from './proxy-session-cleanup.handler';
import { readProxySessionSelection, type ProxySessionCleanupOptions, type ProxySessionSelection } from './proxy-session-selection';

export interface CleanUpProxySessionsCommand {
  selection: ProxySessionSelection;
  options?: ProxySessionCleanupOptions;
  /** Who asked (API key name, or `schedule:<id>`). */
  requestedBy: string;
  scheduleId?: string;
}

/**
 * Closes, marks INACTIVE and deletes the Proxy sessions a selection names. `preview` (a dry run) finds them exactly as
 * the job will and changes nothing; `start` records a job and returns it at once, the work going on in the background.
 */
export class CleanUpProxySessions {
  constructor(
    private readonly handler: ProxySessionCleanupHandler,
    private readonly jobs: CleanupJobContext,
  ) {}

  async preview(selection: ProxySessionSelection): Promise<CleanupPreview> {
    return previewCleanup(this.handler, { selection: toRecord(readProxySessionSelection(selection)), options: {} });
  }

  async start(command: CleanUpProxySessionsCommand): Promise<CleanupJob> {
    const selection = readProxySessionSelection(command.selection);
    return startCleanupJob(this.jobs, {
      kind: this.handler.kind,
      selection: toRecord(selection),
      options: { markChannelInactive: command.options?.markChannelInactive ?? true },
      requestedBy: command.requestedBy,
      scheduleId: command.scheduleId ?? null,
    });
  }
}

function toRecord(value: object): Record<string, unknown> {
  return { ...value };
}
