import type { SandboxState } from '../../core/state';
import { invalidParameter, missingParameter } from '../../http/twilio-error';
import { updateConversation } from '../conversations/conversations.service';
import { addParticipant, removeParticipant } from '../conversations/participants.service';
import type { JsonObject } from '../../core/twilio-encodings';
import { stringField } from './interaction-json';
import { endInteractionTask, readRouting } from './interaction-routing';
import { inviteAgent } from './interactions.service';
import type { InteractionChannel, InteractionInvite, InteractionParticipant, InteractionParticipantType } from './interactions.store';

export type ChannelStatusChange = 'closed' | 'inactive';

/**
 * Closing a channel (`closed`) ends its conversation and its tasks (wrap-up by default, or closed); making it
 * `inactive` parks the conversation (the customer can still write back) and, as Twilio requires, closes the tasks.
 */
export function updateInteractionChannel(
  state: SandboxState,
  channel: InteractionChannel,
  status: ChannelStatusChange,
  routing?: JsonObject,
): InteractionChannel {
  const routingStatus = stringField(routing ?? {}, 'status');
  if (routingStatus !== undefined && routingStatus !== 'closed' && routingStatus !== 'wrapup') {
    throw invalidParameter('Routing.status', `'${routingStatus}' is not one of closed, wrapup`);
  }
  if (status === 'inactive' && routingStatus !== 'closed') throw missingParameter('Routing.status (closed, when Status is inactive)');
  const conversation = state.conversations.conversations.get(channel.conversationSid);
  if (conversation && conversation.state !== 'closed' && conversation.state !== status) updateConversation(state, conversation, { state: status });
  for (const invite of state.interactions.invitesOf(channel.sid)) {
    const task = state.taskrouter.tasks.get(invite.taskSid);
    if (task) endInteractionTask(state, task, routingStatus === 'closed' ? 'closed' : 'wrapup');
  }
  channel.status = status;
  channel.dateUpdated = state.now();
  return channel;
}

/** Another agent invited to the same channel: a new task on the same conversation. */
export function createInvite(state: SandboxState, channel: InteractionChannel, routingJson: JsonObject): InteractionInvite {
  const conversation = state.conversations.conversations.get(channel.conversationSid);
  if (!conversation) throw invalidParameter('ChannelSid', `the conversation of ${channel.sid} no longer exists`);
  const interaction = state.interactions.interactions.get(channel.interactionSid);
  return inviteAgent(state, {
    interactionSid: channel.interactionSid,
    channelSid: channel.sid,
    conversation,
    type: channel.type,
    initiatedBy: (interaction && stringField(interaction.channel, 'initiated_by')) ?? 'api',
    routingJson,
    routing: readRouting(state, routingJson),
  });
}

/**
 * A channel participant: `MediaProperties` names an identity (an agent in Flex UI) or an SMS address with its proxy
 * address; it joins the conversation as such.
 */
export function addChannelParticipant(
  state: SandboxState,
  channel: InteractionChannel,
  input: { type: InteractionParticipantType; mediaProperties: JsonObject; routingProperties?: JsonObject },
): InteractionParticipant {
  const conversation = state.conversations.conversations.get(channel.conversationSid);
  if (!conversation) throw invalidParameter('ChannelSid', `the conversation of ${channel.sid} no longer exists`);
  const identity = stringField(input.mediaProperties, 'identity');
  const address = stringField(input.mediaProperties, 'address');
  const participant = addParticipant(state, conversation, { identity, address, proxyAddress: stringField(input.mediaProperties, 'proxy_address') });
  return state.interactions.participants.add({
    sid: state.sid('UT'),
    interactionSid: channel.interactionSid,
    channelSid: channel.sid,
    type: input.type,
    conversationParticipantSid: participant.sid,
    routingProperties: input.routingProperties ?? null,
    status: 'active',
  });
}

/** `closed` takes the participant out of the conversation; `wrapup` keeps it there while its agent wraps up. */
export function updateChannelParticipant(
  state: SandboxState,
  participant: InteractionParticipant,
  status: 'closed' | 'wrapup',
): InteractionParticipant {
  if (status === 'closed' && participant.status !== 'closed' && participant.conversationParticipantSid) {
    const conversationParticipant = state.conversations.participants.get(participant.conversationParticipantSid);
    if (conversationParticipant) removeParticipant(state, conversationParticipant);
  }
  participant.status = status;
  return participant;
}
