import type { JournalEntry, StepRecord, UndoneRecord } from '../../ports/journal.port';
import { pairLockKey } from '../../ports/pair-lock.port';
import type { OutboundSmsDependencies } from '../../outbound/outbound-dependencies';
import { flexChannelUniqueName } from '../../steps/chat-proxy/open-channel.step';
import { conversationUniqueName } from '../../steps/conversations/open-sms-conversation.step';
import { FLEX_FLOW_OF_REQUEST } from '../../steps/outbound-conversation.plan';
import { PhoneNumber } from '../../value-objects/phone-number.value-object';
import { executeUndo, planUndo, type UndoAction } from '../../outbound/undo';
import { IDEMPOTENT } from '../../retry/twilio-retrier';
import { CompletePendingSteps, type PendingStepsReport } from '../complete-pending-steps/complete-pending-steps.usecase';

export interface RolledBackRequest {
  requestId: string;
  undone: UndoneRecord[];
  /** Set when what it made was not undone because a later, answered request for the same customer uses it. */
  handedOverTo?: string;
  /** The caller's Idempotency-Key, now free for a retry (the request never answered). */
  idempotencyKey: string | null;
  caller: string;
}

export interface InFlightResolution {
  /** In flight when the process stopped; what they created was undone (or handed over). */
  rolledBack: RolledBackRequest[];
  /** Answered, with follow-up work the process did not get to. */
  followedUp: PendingStepsReport[];
}

type Deps = Pick<
  OutboundSmsDependencies,
  | 'journal'
  | 'pairLock'
  | 'clock'
  | 'chatChannels'
  | 'proxySessions'
  | 'tasks'
  | 'conversations'
  | 'interactions'
  | 'retrier'
  | 'inFlightSettleMs'
  | 'flexFlowDirectory'
>;

/** The error recorded on a request interrupted in the middle: its process stopped, or its database went away. */
export const INTERRUPTED = {
  code: 'INTERRUPTED',
  message: 'The request was interrupted in flight (its process stopped, or lost its database); what it created was undone.',
};

/**
 * At start-up, and after a database outage: no request is forgotten. One left in flight never answered its caller,
 * so what it created is undone (a half-built conversation must not reach an agent); one that answered with
 * follow-up work gets it finished.
 */
export class ResolveInFlight {
  private readonly pendingSteps: CompletePendingSteps;

  constructor(private readonly deps: Deps) {
    this.pendingSteps = new CompletePendingSteps(deps);
  }

  /** `onRolledBack` hears of each interrupted request as soon as it is settled (e.g. to free its Idempotency-Key). */
  async execute(onRolledBack?: (rolledBack: RolledBackRequest) => Promise<void>): Promise<InFlightResolution> {
    const resolution: InFlightResolution = { rolledBack: [], followedUp: [] };
    for (const entry of await this.deps.journal.listUnresolved()) {
      if (entry.status === 'in_flight') {
        const rolledBack = await this.rollBack(entry);
        if (!rolledBack) continue;
        resolution.rolledBack.push(rolledBack);
        await onRolledBack?.(rolledBack);
      } else {
        resolution.followedUp.push(await this.pendingSteps.execute(entry.id));
      }
    }
    return resolution;
  }

  private rollBack(stale: JournalEntry): Promise<RolledBackRequest | null> {
    // The same lock a live request holds from `begin` to `finish`: if another instance is still running it, wait for it.
    return this.deps.pairLock.withLock(pairLockKey(stale.fromNumber, stale.toNumber), async () => {
      const entry = await this.deps.journal.get(stale.id);
      if (!entry || entry.status !== 'in_flight') return null;
      await this.settle(entry);
      const unrecordedChannel = await this.unrecordedChannel(entry);
      const steps = unrecordedChannel ? [...entry.steps, unrecordedChannel] : entry.steps;
      const actions = await this.resolveUniqueNames(planInterruptedUndo({ ...entry, steps }));
      // Recovery runs beside new requests: one for the same customer may already have picked up this request's
      // channel (Flex hands the existing one back) and answered with it. Undoing it would break that conversation.
      const handedOverTo = await this.laterOwnerOf(entry.id, actions);
      const undone = handedOverTo ? [] : await executeUndo(this.deps, actions, `Outbound SMS request ${entry.id} was interrupted`);
      const at = new Date(this.deps.clock.now());
      for (const pending of entry.pendingSteps.filter((step) => step.status === 'pending')) {
        await this.deps.journal.settlePendingStep(entry.id, pending.name, { status: 'failed', at, error: INTERRUPTED });
      }
      const error = handedOverTo ? handedOver(handedOverTo) : INTERRUPTED;
      await this.deps.journal.finish(entry.id, { status: undone.length > 0 ? 'rolled_back' : 'failed', finishedAt: at, error, undone });
      return { requestId: entry.id, undone, idempotencyKey: entry.idempotencyKey, caller: entry.caller, ...(handedOverTo ? { handedOverTo } : {}) };
    });
  }

  /**
   * Chat + Proxy: the channel of a request that died after Flex made it but before the journal heard of it, found
   * by the unique name the request gave it (flexChannelUniqueName), as the channel step it would have recorded, so
   * planUndo undoes it exactly as it would a recorded one (its task, a session named after it, the channel). When
   * Flex handed the request another conversation's ACTIVE channel, that channel carries its own, older unique name
   * (or none): nothing is found under this request's name and nothing is undone, which is right, since the channel
   * was never this request's. Only crash recovery pays for the look-up; the send path only names the channel.
   */
  private async unrecordedChannel(entry: JournalEntry): Promise<StepRecord | null> {
    if (entry.input.mode === 'conversations') return null;
    if (entry.steps.some((step) => step.name === 'channel' && step.outcome !== 'failed')) return null;
    const found = async () => {
      const flexFlow = await this.deps.flexFlowDirectory.find(PhoneNumber.parse(entry.fromNumber), FLEX_FLOW_OF_REQUEST[entry.kind]);
      const channel = await this.deps.chatChannels.fetchChannel(flexFlow.chatServiceSid, flexChannelUniqueName(entry.id));
      // Chat's view of the channel does not name its task; Flex's does.
      const flexChannel = channel && flexFlow.integration.workspaceSid ? await this.deps.chatChannels.fetchFlexChannel(channel.sid) : null;
      return { flexFlow, channel, flexChannel };
    };
    const { flexFlow, channel, flexChannel } = await this.deps.retrier
      .run('recovery: fetch chat channel by unique name', found, IDEMPOTENT)
      // The number's flow gone, or Twilio unreachable: there is nothing to name the channel by; the request is settled
      // as interrupted, as one that made nothing.
      .catch(() => ({ flexFlow: null, channel: null, flexChannel: null }));
    if (!flexFlow || !channel) return null;
    const sids: Record<string, string> = { channelSid: channel.sid, chatServiceSid: flexFlow.chatServiceSid };
    if (flexChannel?.taskSid) sids.taskSid = flexChannel.taskSid;
    if (flexFlow.integration.workspaceSid) sids.workspaceSid = flexFlow.integration.workspaceSid;
    return { name: 'channel', outcome: 'created', sids, startedAt: entry.startedAt, finishedAt: entry.startedAt };
  }

  /** A conversation recorded only by its UniqueName is looked up, so a later request's use of its SID is seen. */
  private async resolveUniqueNames(actions: UndoAction[]): Promise<UndoAction[]> {
    const resolved: UndoAction[] = [];
    for (const action of actions) {
      if (action.action === 'remove-conversation' && !CONVERSATION_SID.test(action.conversationSid)) {
        const conversation = await this.deps.retrier
          .run('recovery: fetch conversation', () => this.deps.conversations.fetchConversation(action.conversationSid), IDEMPOTENT)
          // Twilio unreachable: leave the action as it was; the undo tries again and records the failure.
          .catch(() => ({ sid: action.conversationSid }));
        if (conversation) resolved.push({ action: 'remove-conversation', conversationSid: conversation.sid });
      } else {
        resolved.push(action);
      }
    }
    return resolved;
  }

  /** The succeeded request that uses the channel or conversation these actions would remove, if any. */
  private async laterOwnerOf(requestId: string, actions: readonly UndoAction[]): Promise<string | null> {
    for (const action of actions) {
      const sid = action.action === 'remove-channel' ? action.channelSid : action.action === 'remove-conversation' ? action.conversationSid : null;
      const owner = sid ? await this.deps.journal.succeededRequestUsing(sid, requestId) : null;
      if (owner) return owner;
    }
    return null;
  }

  /**
   * A request the dead process had sent may still be processed by Twilio until the client's timeout has passed: wait
   * for it (holding the pair's lock, so no new request for this conversation sees a half-built state meanwhile).
   */
  private async settle(entry: JournalEntry): Promise<void> {
    const lastActivity = Math.max(entry.startedAt.getTime(), ...entry.steps.map((step) => step.finishedAt.getTime()));
    const wait = lastActivity + this.deps.inFlightSettleMs - this.deps.clock.now();
    if (wait > 0) await this.deps.clock.sleep(wait);
  }
}

const CONVERSATION_SID = /^CH[0-9a-f]{32}$/;

function handedOver(requestId: string) {
  return {
    code: INTERRUPTED.code,
    message: `The request was interrupted in flight (its process stopped, or lost its database); request ${requestId} has since answered with the same conversation, so it was kept.`,
    details: { handedOverTo: requestId },
  };
}

/**
 * What the steps say to undo, plus, for a conversations-mode system SMS that died before recording its conversation,
 * the conversation it may have made: found by the UniqueName the request gave it.
 */
function planInterruptedUndo(entry: JournalEntry): UndoAction[] {
  const actions = planUndo(entry.steps);
  const conversationsMode = entry.input.mode === 'conversations' && entry.kind === 'system_sms';
  if (conversationsMode && !entry.steps.some((step) => step.name === 'conversation' && step.outcome !== 'failed')) {
    actions.push({ action: 'remove-conversation', conversationSid: conversationUniqueName(entry.id) });
  }
  return actions;
}
