import type { SandboxState } from '../../core/state';
import { channelOf, isChannelAddress } from '../../messaging/channel-address';
import { invalidParameter } from '../../http/twilio-error';
import {
  addressEqualsProxyAddress,
  bindingInUse,
  conversationClosed,
  identityAlreadyParticipant,
  participantWithoutAddress,
  proxyAddressNotOwned,
  proxyAddressRequired,
} from './conversations.errors';
import { settleTimers } from './conversations.service';
import { ConversationsStore, type Conversation, type ConversationParticipant, type MessagingBinding } from './conversations.store';

export interface NewParticipant {
  identity?: string;
  address?: string;
  proxyAddress?: string;
  attributes?: string;
}

/** A participant as asked for, checked on its own: either a chat identity or an SMS or WhatsApp binding. */
export type PlannedParticipant =
  { identity: string; binding: null; attributes?: string } | { identity: null; binding: MessagingBinding; attributes?: string };

function plan(state: SandboxState, input: NewParticipant): PlannedParticipant {
  if (input.address !== undefined) {
    if (!isChannelAddress(input.address)) {
      throw invalidParameter('MessagingBinding.Address', `'${input.address}' is not an E.164 phone number, nor whatsapp: followed by one`);
    }
    if (!input.proxyAddress) throw proxyAddressRequired();
    if (input.address === input.proxyAddress) throw addressEqualsProxyAddress(input.address);
    // A WhatsApp participant is reached from a WhatsApp sender, an SMS one from a number: the pair shares a channel.
    const channel = channelOf(input.address);
    if (channelOf(input.proxyAddress) !== channel || !state.api.isOwnSender(input.proxyAddress))
      throw proxyAddressNotOwned(input.proxyAddress, channel);
    return { identity: null, binding: { type: channel, address: input.address, proxyAddress: input.proxyAddress }, attributes: input.attributes };
  }
  if (!input.identity) throw participantWithoutAddress();
  return { identity: input.identity, binding: null, attributes: input.attributes };
}

/** Where the pair is already bound (a conversation that is not closed), if anywhere. */
export function conversationHoldingPair(state: SandboxState, address: string, proxyAddress: string): string | undefined {
  const holder = state.conversations.boundParticipant(address, proxyAddress);
  if (!holder) return undefined;
  const conversation = state.conversations.conversations.get(holder.conversationSid);
  if (conversation) settleTimers(state, conversation);
  // Settling may just have closed it, which frees the pair.
  return state.conversations.boundParticipant(address, proxyAddress)?.conversationSid;
}

function insert(state: SandboxState, conversation: Conversation, planned: PlannedParticipant): ConversationParticipant {
  const now = state.now();
  const participant = state.conversations.participants.add({
    sid: state.sid('MB'),
    conversationSid: conversation.sid,
    identity: planned.identity,
    messagingBinding: planned.binding,
    attributes: planned.attributes ?? '{}',
    dateCreated: now,
    dateUpdated: now,
  });
  if (planned.binding) {
    state.conversations.bindings.set(ConversationsStore.bindingKey(planned.binding.address, planned.binding.proxyAddress), participant.sid);
  }
  return participant;
}

function checkIdentityFree(state: SandboxState, conversation: Conversation, identity: string): void {
  if (state.conversations.participantsOf(conversation.sid).some((participant) => participant.identity === identity)) {
    throw identityAlreadyParticipant(identity, conversation.sid);
  }
}

/** Adds one participant; an SMS pair already bound in a conversation that is not closed is refused with 50416. */
export function addParticipant(state: SandboxState, conversation: Conversation, input: NewParticipant): ConversationParticipant {
  settleTimers(state, conversation);
  if (conversation.state === 'closed') throw conversationClosed(conversation.sid);
  const planned = plan(state, input);
  if (planned.identity) checkIdentityFree(state, conversation, planned.identity);
  if (planned.binding) {
    const holder = conversationHoldingPair(state, planned.binding.address, planned.binding.proxyAddress);
    if (holder) throw bindingInUse(planned.binding.address, planned.binding.proxyAddress, holder);
  }
  return insert(state, conversation, planned);
}

export interface PairConflict {
  address: string;
  proxyAddress: string;
  conversationSid: string;
}

/**
 * Checks several participants before any is added and reports every SMS pair already bound elsewhere, so the caller
 * can refuse the whole request with its own code (50425 for ConversationWithParticipants, 50416 for Interactions).
 */
export function planParticipants(state: SandboxState, inputs: NewParticipant[]): { planned: PlannedParticipant[]; conflicts: PairConflict[] } {
  const planned = inputs.map((input) => plan(state, input));
  const conflicts = planned.flatMap((participant): PairConflict[] => {
    if (!participant.binding) return [];
    const { address, proxyAddress } = participant.binding;
    const holder = conversationHoldingPair(state, address, proxyAddress);
    return holder ? [{ address, proxyAddress, conversationSid: holder }] : [];
  });
  return { planned, conflicts };
}

/** Adds participants that `planParticipants` has checked (nothing was written in between). */
export function insertPlanned(state: SandboxState, conversation: Conversation, planned: PlannedParticipant[]): ConversationParticipant[] {
  return planned.map((participant) => insert(state, conversation, participant));
}

export function removeParticipant(state: SandboxState, participant: ConversationParticipant): void {
  const binding = participant.messagingBinding;
  if (binding) {
    const key = ConversationsStore.bindingKey(binding.address, binding.proxyAddress);
    if (state.conversations.bindings.get(key) === participant.sid) state.conversations.bindings.delete(key);
  }
  state.conversations.participants.delete(participant.sid);
}
