import type { CleanupCandidate, CleanupItem, CleanupJob } from '../../cleanup-jobs/cleanup-job';
import type { CleanupItemHandler, CleanupItemOutcome } from '../../cleanup-jobs/cleanup-item-handler';
import { runWithConcurrency } from '../../cleanup-jobs/run-with-concurrency';
import type { ChatChannelPort } from '../../ports/chat-channel.port';
import type { Clock } from '../../ports/clock.port';
import type { ProxySession, ProxyServicePort, ProxySessionPort } from '../../ports/proxy-session.port';
import type { ResourcePage } from '../../ports/page.port';
import { IDEMPOTENT, type TwilioRetrier } from '../../retry/twilio-retrier';
import { Sid } from '../../value-objects/sid.value-object';
import type { ProxySessionCleanupOptions, ProxySessionSelection } from './proxy-session-selection';

export interface ProxySessionCleanupDependencies {
  proxyService: ProxyServicePort;
  proxySessions: ProxySessionPort;
  chatChannels: ChatChannelPort;
  retrier: TwilioRetrier;
  clock: Clock;
  /** Where the sessions' chat channels live (the account's Flex Chat Service). */
  chatServiceSid: string;
  /** Sessions per list page (Twilio allows up to 1000). */
  pageSize?: number;
  /** Participant look-ups at once when selecting by number. */
  lookupConcurrency?: number;
}

const LIVE = new Set(['open', 'in-progress']);

/**
 * Proxy session clean-up, as the original `flex-cleanup-all-proxy-sessions` Function did it but selective and
 * resumable: close the session (frees the customer's number pair), mark its chat channel INACTIVE (so Flex starts a
 * new channel next time instead of reusing a dead one), then delete the session. Every step is idempotent, so an
 * item done twice after a restart does no harm.
 */
export class ProxySessionCleanupHandler implements CleanupItemHandler {
  readonly kind = 'proxy-sessions' as const;

  constructor(private readonly deps: ProxySessionCleanupDependencies) {}

  async *select(job: Pick<CleanupJob, 'selection'>): AsyncIterable<CleanupCandidate[]> {
    const selection = job.selection as ProxySessionSelection;
    if (selection.sessionSids) {
      yield* this.selectExplicit(selection);
      return;
    }
    let pageToken: string | null = null;
    do {
      const token: string | null = pageToken;
      const page: ResourcePage<ProxySession> = await this.run('list Proxy sessions', () =>
        this.deps.proxyService.listSessions({ pageSize: this.deps.pageSize ?? 1000, pageToken: token }),
      );
      const matching = page.items.filter((session) => this.matchesWithoutParticipants(session, selection));
      yield await this.withNumber(matching, selection.number);
      pageToken = page.nextPageToken;
    } while (pageToken);
  }

  async process(item: CleanupItem, job: CleanupJob): Promise<CleanupItemOutcome> {
    const options = job.options as ProxySessionCleanupOptions;
    const session = item.data.status
      ? (item.data as Partial<ProxySession>)
      : await this.run('fetch Proxy session', () => this.deps.proxySessions.fetchSession(item.sid));
    if (!session) return 'skipped';
    if (LIVE.has(String(session.status))) await this.run('close Proxy session', () => this.deps.proxySessions.closeSession(item.sid));
    if (options.markChannelInactive !== false) await this.markChannelInactive(item.sid, session);
    await this.run('delete Proxy session', () => this.deps.proxySessions.removeSession(item.sid));
    return 'done';
  }

  /** Explicit SIDs: each session is read so a dry run shows what they are; one already gone is left out. */
  private async *selectExplicit(selection: ProxySessionSelection): AsyncIterable<CleanupCandidate[]> {
    const sids = selection.sessionSids ?? [];
    const pageSize = this.deps.pageSize ?? 1000;
    for (let start = 0; start < sids.length; start += pageSize) {
      const found: ProxySession[] = [];
      await runWithConcurrency(sids.slice(start, start + pageSize), this.deps.lookupConcurrency ?? 4, async (sid) => {
        const session = await this.run('fetch Proxy session', () => this.deps.proxySessions.fetchSession(sid));
        if (session && this.matchesWithoutParticipants(session, { ...selection, sessionSids: undefined })) found.push(session);
      });
      const order = new Map(sids.map((sid, index) => [sid, index]));
      found.sort((a, b) => (order.get(a.sid) ?? 0) - (order.get(b.sid) ?? 0));
      yield await this.withNumber(found, selection.number);
    }
  }

  private matchesWithoutParticipants(session: ProxySession, selection: ProxySessionSelection): boolean {
    if (selection.statuses && !selection.statuses.includes(session.status)) return false;
    if (selection.olderThanHours !== undefined) {
      const cutoff = this.deps.clock.now() - selection.olderThanHours * 3_600_000;
      if (session.dateCreated.getTime() > cutoff) return false;
    }
    return true;
  }

  /** The number criterion needs the participants (a session names no number itself): read only for sessions that pass the rest. */
  private async withNumber(sessions: ProxySession[], number: string | undefined): Promise<CleanupCandidate[]> {
    if (number === undefined) return sessions.map((session) => ({ sid: session.sid, data: candidateData(session) }));
    const kept = new Map<string, CleanupCandidate>();
    await runWithConcurrency(sessions, this.deps.lookupConcurrency ?? 4, async (session) => {
      const participants = await this.run('list Proxy participants', () => this.deps.proxySessions.listParticipants(session.sid));
      if (!participants.some((participant) => participant.proxyIdentifier === number)) return;
      const channelSid = participants.find((participant) => Sid.isSid(participant.identifier, 'CH'))?.identifier;
      kept.set(session.sid, { sid: session.sid, data: { ...candidateData(session), ...(channelSid ? { channelSid } : {}) } });
    });
    return sessions.filter((session) => kept.has(session.sid)).map((session) => kept.get(session.sid) as CleanupCandidate);
  }

  private async markChannelInactive(sessionSid: string, session: Partial<ProxySession> & { channelSid?: unknown }): Promise<void> {
    const channelSid = await this.channelOf(sessionSid, session);
    if (!channelSid) return;
    const { chatServiceSid } = this.deps;
    const channel = await this.run('fetch chat channel', () => this.deps.chatChannels.fetchChannel(chatServiceSid, channelSid));
    if (!channel || channel.attributes.status === 'INACTIVE') return;
    await this.run('mark chat channel INACTIVE', () =>
      this.deps.chatChannels.updateChannelAttributes(chatServiceSid, channelSid, { ...channel.attributes, status: 'INACTIVE' }),
    );
  }

  /** Flex names a conversation's session after its chat channel (UniqueName = CH…); otherwise the channel is a participant. */
  private async channelOf(sessionSid: string, session: Partial<ProxySession> & { channelSid?: unknown }): Promise<string | undefined> {
    if (typeof session.channelSid === 'string') return session.channelSid;
    if (Sid.isSid(session.uniqueName, 'CH')) return session.uniqueName as string;
    const participants = await this.run('list Proxy participants', () => this.deps.proxySessions.listParticipants(sessionSid));
    return participants.find((participant) => Sid.isSid(participant.identifier, 'CH'))?.identifier;
  }

  private run<T>(operation: string, call: () => Promise<T>): Promise<T> {
    return this.deps.retrier.run(operation, call, IDEMPOTENT);
  }
}

function candidateData(session: ProxySession): Record<string, unknown> {
  return { status: session.status, uniqueName: session.uniqueName, dateCreated: session.dateCreated.toISOString() };
}
