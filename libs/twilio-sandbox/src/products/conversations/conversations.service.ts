import type { SandboxState } from '../../core/state';
import { conversationClosed, initialStateClosed, uniqueNameTaken } from './conversations.errors';
import { noTimers, readTimers, restartTimers, stateAfterTimers, type TimerRequest } from './conversation-timers';
import { removeReceiptsOf } from './delivery-receipts.service';
import { ConversationsStore, type Conversation, type ConversationState } from './conversations.store';

export interface NewConversation {
  friendlyName?: string;
  uniqueName?: string;
  attributes?: string;
  state?: ConversationState;
  timers?: TimerRequest;
}

export function createConversation(state: SandboxState, input: NewConversation = {}): Conversation {
  const store = state.conversations;
  if (input.uniqueName && store.conversationByUniqueName.has(input.uniqueName)) throw uniqueNameTaken(input.uniqueName);
  if (input.state === 'closed') throw initialStateClosed();
  const timers = readTimers(noTimers(), input.timers ?? {});
  const now = state.now();
  const conversation = store.conversations.add({
    sid: state.sid('CH'),
    chatServiceSid: store.defaultServiceSid,
    friendlyName: input.friendlyName ?? null,
    uniqueName: input.uniqueName ?? null,
    attributes: input.attributes ?? '{}',
    state: input.state ?? 'active',
    timers,
    dateCreated: now,
    dateUpdated: now,
  });
  if (conversation.uniqueName) store.conversationByUniqueName.set(conversation.uniqueName, conversation.sid);
  restartTimers(conversation, now);
  return conversation;
}

export interface ConversationChanges {
  friendlyName?: string;
  uniqueName?: string;
  attributes?: string;
  state?: ConversationState;
  timers?: TimerRequest;
}

export function updateConversation(state: SandboxState, conversation: Conversation, changes: ConversationChanges): Conversation {
  settleTimers(state, conversation);
  if (conversation.state === 'closed') throw conversationClosed(conversation.sid);
  const store = state.conversations;
  if (changes.uniqueName !== undefined && changes.uniqueName !== conversation.uniqueName) {
    if (store.conversationByUniqueName.has(changes.uniqueName)) throw uniqueNameTaken(changes.uniqueName);
    if (conversation.uniqueName) store.conversationByUniqueName.delete(conversation.uniqueName);
    store.conversationByUniqueName.set(changes.uniqueName, conversation.sid);
    conversation.uniqueName = changes.uniqueName;
  }
  const timers = readTimers(conversation.timers, changes.timers ?? {});
  if (changes.friendlyName !== undefined) conversation.friendlyName = changes.friendlyName;
  if (changes.attributes !== undefined) conversation.attributes = changes.attributes;
  conversation.timers = timers;
  const now = state.now();
  if (changes.state !== undefined) moveToState(state, conversation, changes.state);
  conversation.dateUpdated = now;
  restartTimers(conversation, now);
  return conversation;
}

/**
 * Closing a conversation frees its SMS participants' address pairs (a closed conversation routes nothing), so a
 * new conversation can bind them; "closed" is final.
 */
function moveToState(state: SandboxState, conversation: Conversation, next: ConversationState): void {
  if (conversation.state === next) return;
  conversation.state = next;
  if (next === 'closed') releaseBindings(state, conversation.sid);
}

function releaseBindings(state: SandboxState, conversationSid: string): void {
  const store = state.conversations;
  for (const participant of store.participantsOf(conversationSid)) {
    const binding = participant.messagingBinding;
    if (!binding) continue;
    const key = ConversationsStore.bindingKey(binding.address, binding.proxyAddress);
    if (store.bindings.get(key) === participant.sid) store.bindings.delete(key);
  }
}

/** Applies the timers that fell due since the conversation was last looked at. */
export function settleTimers(state: SandboxState, conversation: Conversation): void {
  const next = stateAfterTimers(conversation, state.now());
  if (next === conversation.state) return;
  moveToState(state, conversation, next);
  conversation.dateUpdated = state.now();
}

/** Settles every conversation's timers: lists and inbound routing must see the states the timers have set. */
export function settleAllTimers(state: SandboxState): void {
  for (const conversation of state.conversations.conversations.values()) {
    if (conversation.timers.dateInactive || conversation.timers.dateClosed) settleTimers(state, conversation);
  }
}

/** New activity (a message): an inactive conversation becomes active again, and the timers start over. */
export function recordActivity(state: SandboxState, conversation: Conversation): void {
  const now = state.now();
  if (conversation.state === 'inactive') conversation.state = 'active';
  conversation.dateUpdated = now;
  restartTimers(conversation, now);
}

export function deleteConversation(state: SandboxState, conversation: Conversation): void {
  const store = state.conversations;
  releaseBindings(state, conversation.sid);
  for (const participant of store.participantsOf(conversation.sid)) store.participants.delete(participant.sid);
  for (const message of store.messagesOf(conversation.sid)) {
    removeReceiptsOf(state, message.sid);
    store.messages.delete(message.sid);
  }
  for (const webhook of store.webhooksOf(conversation.sid)) store.webhooks.delete(webhook.sid);
  if (conversation.uniqueName) store.conversationByUniqueName.delete(conversation.uniqueName);
  store.nextMessageIndex.delete(conversation.sid);
  store.conversations.delete(conversation.sid);
}
