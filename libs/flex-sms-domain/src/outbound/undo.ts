import type { StepRecord, UndoneRecord } from '../ports/journal.port';
import { IDEMPOTENT } from '../retry/twilio-retrier';
import type { OutboundSmsDependencies } from './outbound-dependencies';
import { toErrorRecord } from '../errors';

export type UndoAction =
  | { action: 'cancel-task'; workspaceSid: string; taskSid: string }
  | { action: 'restore-channel-attributes'; chatServiceSid: string; channelSid: string; previousProxySession: string | null }
  /** `sessionSid` may be a UniqueName (the channel SID) when a crash left the session's SID unrecorded. */
  | { action: 'remove-proxy-session'; sessionSid: string }
  | { action: 'remove-channel'; chatServiceSid: string; channelSid: string }
  /** Conversations mode: the interaction channel Flex opened, closed so no interaction stays open on a removed conversation. */
  | { action: 'close-interaction-channel'; interactionSid: string; interactionChannelSid: string }
  /**
   * Conversations mode: deleting the conversation frees the customer's address pair and drops its webhooks.
   * `conversationSid` may be its UniqueName when a crash left the SID unrecorded.
   */
  | { action: 'remove-conversation'; conversationSid: string };

/**
 * What to undo, from the steps a request recorded: only what it created, never what it reused.
 * Order matters: the task first, so no agent is offered a conversation that cannot carry SMS; then the session;
 * the channel last. A message already relayed as SMS cannot be unsent; a closed stale session stays closed.
 */
export function planUndo(steps: readonly StepRecord[]): UndoAction[] {
  const done = (name: StepRecord['name'], outcome: StepRecord['outcome']) => steps.find((step) => step.name === name && step.outcome === outcome);
  const actions: UndoAction[] = [];
  const createdChannel = done('channel', 'created');
  const createdSession = done('proxy-session', 'created');
  const updatedAttributes = done('channel-attributes', 'updated');

  if (createdChannel?.sids.taskSid && createdChannel.sids.workspaceSid) {
    actions.push({ action: 'cancel-task', workspaceSid: createdChannel.sids.workspaceSid, taskSid: createdChannel.sids.taskSid });
  }
  if (updatedAttributes && !createdChannel) {
    actions.push({
      action: 'restore-channel-attributes',
      chatServiceSid: updatedAttributes.sids.chatServiceSid,
      channelSid: updatedAttributes.sids.channelSid,
      previousProxySession: (updatedAttributes.data?.previousProxySession as string | null | undefined) ?? null,
    });
  }
  if (createdSession) {
    actions.push({ action: 'remove-proxy-session', sessionSid: createdSession.sids.sessionSid });
  } else if (createdChannel) {
    // A session named after a channel this request made is this request's too, even if a crash kept it unrecorded.
    actions.push({ action: 'remove-proxy-session', sessionSid: createdChannel.sids.channelSid });
  }
  if (createdChannel) {
    actions.push({ action: 'remove-channel', chatServiceSid: createdChannel.sids.chatServiceSid, channelSid: createdChannel.sids.channelSid });
  }
  return [...actions, ...planConversationsUndo(steps)];
}

/**
 * Conversations mode: the interaction's task first (no agent offered a conversation that is going away), then its
 * channel closed when the interaction made the conversation, then the conversation this request made (by the
 * interaction or directly) unless it already removed it itself. An interaction put on a conversation the customer
 * already had keeps its channel: closing it would close that conversation, which was not this request's.
 */
function planConversationsUndo(steps: readonly StepRecord[]): UndoAction[] {
  const actions: UndoAction[] = [];
  const interaction = steps.find((step) => step.name === 'interaction' && step.outcome === 'created');
  if (interaction?.sids.taskSid && interaction.sids.workspaceSid) {
    actions.push({ action: 'cancel-task', workspaceSid: interaction.sids.workspaceSid, taskSid: interaction.sids.taskSid });
  }
  if (interaction?.data?.conversationCreated === true && interaction.sids.interactionSid && interaction.sids.interactionChannelSid) {
    actions.push({
      action: 'close-interaction-channel',
      interactionSid: interaction.sids.interactionSid,
      interactionChannelSid: interaction.sids.interactionChannelSid,
    });
  }
  const removed = new Set(
    steps.filter((step) => step.name === 'conversation' && step.outcome === 'removed').map((step) => step.sids.conversationSid),
  );
  const created = [
    ...steps.filter((step) => step.name === 'conversation' && step.outcome === 'created').map((step) => step.sids.conversationSid),
    ...(interaction?.data?.conversationCreated === true ? [interaction.sids.conversationSid] : []),
  ];
  for (const conversationSid of created) {
    if (conversationSid && !removed.has(conversationSid)) actions.push({ action: 'remove-conversation', conversationSid });
  }
  return actions;
}

/**
 * Whether a step must be in the journal before its request goes on: only when crash recovery (which undoes from the
 * journal, planUndo above and ResolveInFlight's planInterruptedUndo) could not undo what it did without it. Every
 * other step is written with the next write (in the end, the request's finish), a database round trip less on the
 * response path each; a crash in between loses nothing recovery needs:
 * - a Flex channel it made (with its task), or an interaction: nothing else names them. Written at once;
 * - a Proxy session named after a channel this request made (and journaled): recovery removes it by that name;
 * - the channel attributes of a channel this request made: the channel goes, nothing to restore; of another
 *   channel, the attribute value replaced: written at once;
 * - a conversation of a fire-and-forget SMS: recovery finds it by the UniqueName the request gave it; its customer
 *   and Studio webhook go with it;
 * - a message (cannot be unsent), a look-up, a reuse, a stale session removed or closed, a failure: nothing to undo.
 */
export function mustJournalAtOnce(step: StepRecord, earlier: readonly StepRecord[]): boolean {
  const madeChannel = () => earlier.some((other) => other.name === 'channel' && other.outcome === 'created');
  switch (step.outcome) {
    case 'created':
      if (step.name === 'channel' || step.name === 'interaction') return true;
      if (step.name === 'proxy-session') return !madeChannel();
      return false;
    case 'updated':
      return !(step.name === 'channel-attributes' && madeChannel());
    default:
      return false;
  }
}

/**
 * Whether everything a request has recorded must be in the journal before this step runs. A message is an SMS, which
 * cannot be unsent: the request first makes sure its journal can still be written (a database down or a disk failing
 * then fails the request before it texts anyone, and its undo and a retry text the customer once, not twice).
 */
export function mustJournalBefore(name: StepRecord['name']): boolean {
  return name === 'message';
}

type Deps = Pick<OutboundSmsDependencies, 'chatChannels' | 'proxySessions' | 'tasks' | 'conversations' | 'interactions' | 'retrier'>;

/** Runs every action (one failing does not stop the others) and reports each. */
export async function executeUndo(deps: Deps, actions: readonly UndoAction[], reason: string): Promise<UndoneRecord[]> {
  const undone: UndoneRecord[] = [];
  for (const action of actions) {
    const sid = sidOf(action);
    try {
      const applied = await deps.retrier.run(`undo: ${action.action}`, () => apply(deps, action, reason), IDEMPOTENT);
      if (applied) undone.push({ action: action.action, sid: applied, ok: true });
    } catch (error) {
      undone.push({ action: action.action, sid, ok: false, error: toErrorRecord(error) });
    }
  }
  return undone;
}

function sidOf(action: UndoAction): string {
  if ('taskSid' in action) return action.taskSid;
  if ('sessionSid' in action) return action.sessionSid;
  if ('conversationSid' in action) return action.conversationSid;
  if ('interactionChannelSid' in action) return action.interactionChannelSid;
  return action.channelSid;
}

/** Applies one action; returns the SID acted on, or null when there was nothing to undo. */
async function apply(deps: Deps, action: UndoAction, reason: string): Promise<string | null> {
  switch (action.action) {
    case 'cancel-task':
      await deps.tasks.cancelTask(action.workspaceSid, action.taskSid, reason);
      return action.taskSid;
    case 'restore-channel-attributes': {
      const channel = await deps.chatChannels.fetchChannel(action.chatServiceSid, action.channelSid);
      if (!channel) return null;
      const { proxySession: _replaced, ...rest } = channel.attributes;
      const attributes = action.previousProxySession ? { ...rest, proxySession: action.previousProxySession } : rest;
      await deps.chatChannels.updateChannelAttributes(action.chatServiceSid, action.channelSid, attributes);
      return action.channelSid;
    }
    case 'remove-proxy-session': {
      const session = await deps.proxySessions.fetchSession(action.sessionSid);
      if (!session) return null;
      await deps.proxySessions.removeSession(session.sid);
      return session.sid;
    }
    case 'close-interaction-channel':
      return (await deps.interactions.closeInteractionChannel(action.interactionSid, action.interactionChannelSid))
        ? action.interactionChannelSid
        : null;
    case 'remove-channel':
      await deps.chatChannels.removeChannel(action.chatServiceSid, action.channelSid);
      return action.channelSid;
    case 'remove-conversation': {
      const conversation = await deps.conversations.fetchConversation(action.conversationSid);
      if (!conversation) return null;
      await deps.conversations.removeConversation(conversation.sid);
      return conversation.sid;
    }
  }
}
