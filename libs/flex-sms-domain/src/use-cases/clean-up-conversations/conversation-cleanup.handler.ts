import type { CleanupCandidate, CleanupItem, CleanupJob } from '../../cleanup-jobs/cleanup-job';
import type { CleanupItemHandler, CleanupItemOutcome } from '../../cleanup-jobs/cleanup-item-handler';
import { runWithConcurrency } from '../../cleanup-jobs/run-with-concurrency';
import type { Clock } from '../../ports/clock.port';
import type { Conversation, ConversationPort, ConversationState } from '../../ports/conversation.port';
import type { InteractionPort } from '../../ports/interaction.port';
import type { ResourcePage } from '../../ports/page.port';
import type { WorkspacePort } from '../../ports/task.port';
import { IDEMPOTENT, type TwilioRetrier } from '../../retry/twilio-retrier';
import { CLOSABLE_CONVERSATION_STATES, type ConversationCleanupOptions, type ConversationSelection } from './conversation-selection';

export interface ConversationCleanupDependencies {
  conversations: ConversationPort;
  interactions: Pick<InteractionPort, 'listOpenTasksOfConversation'>;
  /** Where agents' tasks live (a Flex account has one workspace; every one is checked). */
  workspaces: Pick<WorkspacePort, 'listWorkspaces'>;
  retrier: TwilioRetrier;
  clock: Clock;
  /** Conversations per list page (Twilio allows up to 1000). */
  pageSize?: number;
  /** Participant and task look-ups at once while selecting. */
  lookupConcurrency?: number;
}

/**
 * Clean-up of stale conversations in Flex Conversations mode, the counterpart of the Proxy session clean-up: a
 * conversation is moved to its final `closed` state, which frees the customer/number binding (the next outbound SMS
 * to that customer starts a fresh conversation instead of meeting 50416). Closing is idempotent, so an item done
 * twice after a restart does no harm. Conversations an agent's task still holds are left alone unless asked.
 */
export class ConversationCleanupHandler implements CleanupItemHandler {
  readonly kind = 'conversations' as const;

  constructor(private readonly deps: ConversationCleanupDependencies) {}

  async *select(job: Pick<CleanupJob, 'selection' | 'options'>): AsyncIterable<CleanupCandidate[]> {
    const selection = job.selection as ConversationSelection;
    const keepWithOpenTask = (job.options as ConversationCleanupOptions).keepWithOpenTask !== false;
    const workspaceSids = keepWithOpenTask ? await this.workspaceSids() : [];
    for await (const page of this.pages(selection)) {
      const matching = page.filter((conversation) => this.matchesWithoutLookups(conversation, selection));
      yield await this.withLookups(matching, selection.number, workspaceSids);
    }
  }

  async process(item: CleanupItem, job: CleanupJob): Promise<CleanupItemOutcome> {
    if ((job.options as ConversationCleanupOptions).keepWithOpenTask !== false) {
      // A task may have taken the conversation since it was selected.
      if (await this.heldByOpenTask(item.sid, await this.workspaceSids())) return 'skipped';
    }
    const closed = await this.run('close Conversation', () => this.deps.conversations.closeConversation(item.sid));
    return closed ? 'done' : 'skipped';
  }

  /** By criteria: one Twilio list per state, filtered by Twilio on state and age; explicit SIDs are each read. */
  private async *pages(selection: ConversationSelection): AsyncIterable<Conversation[]> {
    if (selection.conversationSids) {
      const found: Conversation[] = [];
      await runWithConcurrency(selection.conversationSids, this.deps.lookupConcurrency ?? 4, async (sid) => {
        const conversation = await this.run('fetch Conversation', () => this.deps.conversations.fetchConversation(sid));
        if (conversation) found.push(conversation);
      });
      const order = new Map(selection.conversationSids.map((sid, index) => [sid, index]));
      yield found.sort((a, b) => (order.get(a.sid) ?? 0) - (order.get(b.sid) ?? 0));
      return;
    }
    const createdBefore = this.cutoff(selection);
    for (const state of selection.states ?? CLOSABLE_CONVERSATION_STATES) {
      let pageToken: string | null = null;
      do {
        const request = { state, pageSize: this.deps.pageSize ?? 1000, pageToken, ...(createdBefore ? { createdBefore } : {}) };
        const page: ResourcePage<Conversation> = await this.run('list Conversations', () => this.deps.conversations.listConversations(request));
        yield page.items;
        pageToken = page.nextPageToken;
      } while (pageToken);
    }
  }

  private matchesWithoutLookups(conversation: Conversation, selection: ConversationSelection): boolean {
    const states: readonly ConversationState[] = selection.states ?? CLOSABLE_CONVERSATION_STATES;
    if (!states.includes(conversation.state)) return false;
    const cutoff = this.cutoff(selection);
    return !cutoff || conversation.dateCreated.getTime() <= cutoff.getTime();
  }

  private cutoff(selection: ConversationSelection): Date | undefined {
    return selection.olderThanHours === undefined ? undefined : new Date(this.deps.clock.now() - selection.olderThanHours * 3_600_000);
  }

  /** The number (participants) and open tasks need a read per conversation: only for those that pass the rest. */
  private async withLookups(conversations: Conversation[], number: string | undefined, workspaceSids: string[]): Promise<CleanupCandidate[]> {
    const kept = new Map<string, CleanupCandidate>();
    await runWithConcurrency(conversations, this.deps.lookupConcurrency ?? 4, async (conversation) => {
      let customer: string | null = null;
      if (number !== undefined) {
        const participants = await this.run('list Conversation participants', () => this.deps.conversations.listParticipants(conversation.sid));
        const sms = participants.find((participant) => participant.proxyAddress === number);
        if (!sms) return;
        customer = sms.address;
      }
      if (await this.heldByOpenTask(conversation.sid, workspaceSids)) return;
      kept.set(conversation.sid, { sid: conversation.sid, data: candidateData(conversation, customer) });
    });
    return conversations.filter((conversation) => kept.has(conversation.sid)).map((conversation) => kept.get(conversation.sid) as CleanupCandidate);
  }

  private async heldByOpenTask(conversationSid: string, workspaceSids: string[]): Promise<boolean> {
    for (const workspaceSid of workspaceSids) {
      const tasks = await this.run('list the conversation open tasks', () =>
        this.deps.interactions.listOpenTasksOfConversation(workspaceSid, conversationSid),
      );
      if (tasks.length > 0) return true;
    }
    return false;
  }

  private async workspaceSids(): Promise<string[]> {
    return (await this.run('list TaskRouter workspaces', () => this.deps.workspaces.listWorkspaces())).map((workspace) => workspace.sid);
  }

  private run<T>(operation: string, call: () => Promise<T>): Promise<T> {
    return this.deps.retrier.run(operation, call, IDEMPOTENT);
  }
}

function candidateData(conversation: Conversation, customer: string | null): Record<string, unknown> {
  return {
    status: conversation.state,
    uniqueName: conversation.uniqueName,
    friendlyName: conversation.friendlyName,
    dateCreated: conversation.dateCreated.toISOString(),
    ...(customer ? { customerNumber: customer } : {}),
  };
}
