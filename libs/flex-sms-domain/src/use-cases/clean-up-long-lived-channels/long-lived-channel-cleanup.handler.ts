import type { CleanupCandidate, CleanupItem, CleanupJob } from '../../cleanup-jobs/cleanup-job';
import type { CleanupItemHandler, CleanupItemOutcome } from '../../cleanup-jobs/cleanup-item-handler';
import { runWithConcurrency } from '../../cleanup-jobs/run-with-concurrency';
import type { ChatChannel, ChatChannelPort, ChatServicePort, FlexChannel } from '../../ports/chat-channel.port';
import type { Clock } from '../../ports/clock.port';
import type { FlexFlow, FlexFlowPort } from '../../ports/flex-flow.port';
import type { MessagePort } from '../../ports/message.port';
import type { ResourcePage } from '../../ports/page.port';
import { IDEMPOTENT, type TwilioRetrier } from '../../retry/twilio-retrier';
import type { LongLivedChannelSelection } from './long-lived-channel-selection';

export interface LongLivedChannelCleanupDependencies {
  flexFlows: FlexFlowPort;
  chatServices: ChatServicePort;
  chatChannels: ChatChannelPort;
  messages: MessagePort;
  retrier: TwilioRetrier;
  clock: Clock;
  /** Flex channels per list page. */
  pageSize?: number;
  /** Channel look-ups at once while selecting. */
  lookupConcurrency?: number;
}

/**
 * Housekeeping of long-lived channels, which the README says Flex never closes by itself: a channel of a long-lived
 * Flex Flow that has been idle longer than the threshold gets its long-lived flag cleared and is set INACTIVE, so
 * the next conversation with that customer starts a fresh channel (and the janitor may handle it again).
 */
export class LongLivedChannelCleanupHandler implements CleanupItemHandler {
  readonly kind = 'long-lived-channels' as const;

  constructor(private readonly deps: LongLivedChannelCleanupDependencies) {}

  async *select(job: Pick<CleanupJob, 'selection'>): AsyncIterable<CleanupCandidate[]> {
    const selection = job.selection as unknown as LongLivedChannelSelection;
    const flows = await this.longLivedFlows(selection);
    if (flows.size === 0) return;
    const idleSince = this.deps.clock.now() - selection.idleForHours * 3_600_000;
    let pageToken: string | null = null;
    do {
      const token: string | null = pageToken;
      const page: ResourcePage<FlexChannel> = await this.run('list Flex channels', () =>
        this.deps.chatServices.listFlexChannels({ pageSize: this.deps.pageSize ?? 1000, pageToken: token }),
      );
      yield await this.idleChannels(
        page.items.filter((channel) => flows.has(channel.flexFlowSid)),
        flows,
        idleSince,
      );
      pageToken = page.nextPageToken;
    } while (pageToken);
  }

  async process(item: CleanupItem): Promise<CleanupItemOutcome> {
    const chatServiceSid = String(item.data.chatServiceSid);
    const channel = await this.run('fetch chat channel', () => this.deps.chatChannels.fetchChannel(chatServiceSid, item.sid));
    if (!channel) return 'skipped';
    if (channel.attributes.status === 'INACTIVE' && channel.attributes.long_lived === false) return 'skipped';
    await this.run('close long-lived chat channel', () =>
      this.deps.chatChannels.updateChannelAttributes(chatServiceSid, item.sid, { ...channel.attributes, long_lived: false, status: 'INACTIVE' }),
    );
    return 'done';
  }

  private async longLivedFlows(selection: LongLivedChannelSelection): Promise<Map<string, FlexFlow>> {
    const flows = await this.run('list Flex Flows', () => this.deps.flexFlows.listFlexFlows());
    const wanted = selection.flexFlowSids ? new Set(selection.flexFlowSids) : undefined;
    return new Map(flows.filter((flow) => flow.longLived && (!wanted || wanted.has(flow.sid))).map((flow) => [flow.sid, flow]));
  }

  /** Reads each channel (attributes) and its newest message: the channel's own date_updated misses messages on some accounts. */
  private async idleChannels(channels: FlexChannel[], flows: Map<string, FlexFlow>, idleSince: number): Promise<CleanupCandidate[]> {
    const found = new Map<string, CleanupCandidate>();
    await runWithConcurrency(channels, this.deps.lookupConcurrency ?? 4, async (flexChannel) => {
      const flow = flows.get(flexChannel.flexFlowSid) as FlexFlow;
      const channel = await this.run('fetch chat channel', () => this.deps.chatChannels.fetchChannel(flow.chatServiceSid, flexChannel.sid));
      if (!channel || channel.attributes.status === 'INACTIVE') return;
      const lastActivity = await this.lastActivity(channel);
      if (lastActivity > idleSince) return;
      found.set(flexChannel.sid, {
        sid: flexChannel.sid,
        data: { status: 'ACTIVE', flexFlowSid: flow.sid, chatServiceSid: flow.chatServiceSid, lastActivityAt: new Date(lastActivity).toISOString() },
      });
    });
    return channels.filter((channel) => found.has(channel.sid)).map((channel) => found.get(channel.sid) as CleanupCandidate);
  }

  private async lastActivity(channel: ChatChannel): Promise<number> {
    const [newest] = await this.run('list newest chat message', () => this.deps.messages.listRecentMessages(channel.serviceSid, channel.sid, 1));
    return Math.max(channel.dateUpdated.getTime(), newest?.dateCreated.getTime() ?? 0);
  }

  private run<T>(operation: string, call: () => Promise<T>): Promise<T> {
    return this.deps.retrier.run(operation, call, IDEMPOTENT);
  }
}
