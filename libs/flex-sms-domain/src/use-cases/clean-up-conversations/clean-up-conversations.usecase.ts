import type { CleanupJob } from '../../cleanup-jobs/cleanup-job';
import { previewCleanup, type CleanupPreview } from '../../cleanup-jobs/cleanup-preview';
import { startCleanupJob, type CleanupJobContext } from '../../cleanup-jobs/start-cleanup-job';
import type { ConversationCleanupHandler } from './conversation-cleanup.handler';
import { readConversationSelection, type ConversationCleanupOptions, type ConversationSelection } from './conversation-selection';

export interface CleanUpConversationsCommand {
  selection: ConversationSelection;
  options?: ConversationCleanupOptions;
  /** Who asked (API key name, or `schedule:<id>`). */
  requestedBy: string;
  scheduleId?: string;
}

/**
 * Closes the stale conversations a selection names (Flex Conversations mode). `preview` (a dry run) finds them
 * exactly as the job will and changes nothing; `start` records a job and returns it at once.
 */
export class CleanUpConversations {
  constructor(
    private readonly handler: ConversationCleanupHandler,
    private readonly jobs: CleanupJobContext,
  ) {}

  async preview(selection: ConversationSelection, options: ConversationCleanupOptions = {}): Promise<CleanupPreview> {
    return previewCleanup(this.handler, { selection: { ...readConversationSelection(selection) }, options: optionsOf(options) });
  }

  async start(command: CleanUpConversationsCommand): Promise<CleanupJob> {
    return startCleanupJob(this.jobs, {
      kind: this.handler.kind,
      selection: { ...readConversationSelection(command.selection) },
      options: optionsOf(command.options ?? {}),
      requestedBy: command.requestedBy,
      scheduleId: command.scheduleId ?? null,
    });
  }
}

function optionsOf(options: ConversationCleanupOptions): Record<string, unknown> {
  return { keepWithOpenTask: options.keepWithOpenTask ?? true };
}
