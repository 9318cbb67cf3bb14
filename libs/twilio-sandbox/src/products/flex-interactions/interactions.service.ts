import type { SandboxState } from '../../core/state';
import { TwilioError, invalidParameter, missingParameter } from '../../http/twilio-error';
import { bindingInUse } from '../conversations/conversations.errors';
import { createConversation, settleTimers } from '../conversations/conversations.service';
import type { Conversation } from '../conversations/conversations.store';
import { insertPlanned, planParticipants, type NewParticipant } from '../conversations/participants.service';
import { isJsonObject, type JsonObject } from '../../core/twilio-encodings';
import { channelOf, type MessageChannel } from '../../messaging/channel-address';
import { stringField } from './interaction-json';
import { createInteractionTask, readRouting } from './interaction-routing';
import { INTERACTION_CHANNEL_TYPES, type Interaction, type InteractionChannelType } from './interactions.store';

export interface NewInteraction {
  channel: JsonObject;
  routing?: JsonObject;
  interactionContextSid?: string;
  webhookTtid?: string;
}

/** 45354 Cannot create a Channel for a closed Conversation (Flex). */
function closedConversation(conversationSid: string): TwilioError {
  return new TwilioError(400, 45354, `Failed to create Channel because the Conversation ${conversationSid} is in a closed state`);
}

function readChannelType(channel: JsonObject): InteractionChannelType {
  const type = stringField(channel, 'type');
  if (!type) throw missingParameter('Channel.type');
  if (!(INTERACTION_CHANNEL_TYPES as readonly string[]).includes(type)) throw invalidParameter('Channel.type', `'${type}' is not a channel type`);
  // The sandbox relays SMS and WhatsApp only; other media would need channels it does not have.
  if (!MESSAGING_TYPES.includes(type as MessageChannel))
    throw invalidParameter('Channel.type', `the sandbox supports sms and whatsapp interactions, not '${type}'`);
  return type as InteractionChannelType;
}

const MESSAGING_TYPES: readonly MessageChannel[] = ['sms', 'whatsapp'];

/**
 * `Channel.participants` of an SMS or WhatsApp interaction: each `{address, proxy_address}` becomes a participant
 * bound on that channel (docs "Send Outbound Messages with Flex Conversations Channels": outbound WhatsApp is "very
 * similar to outbound SMS", with `whatsapp:` addresses for the customer and the sender).
 */
function readMessagingParticipants(channel: JsonObject, type: InteractionChannelType): NewParticipant[] {
  const participants = channel['participants'];
  if (!Array.isArray(participants) || participants.length === 0) throw missingParameter('Channel.participants');
  return participants.map((participant: unknown) => {
    if (!isJsonObject(participant)) throw invalidParameter('Channel.participants', 'each participant must be an object');
    const address = stringField(participant, 'address');
    if (!address) throw missingParameter('Channel.participants.address');
    if (channelOf(address) !== type) {
      throw invalidParameter(
        'Channel.participants.address',
        `'${address}' is not an address of a ${type} channel${type === 'whatsapp' ? ' (whatsapp:+…)' : ''}`,
      );
    }
    return { address, proxyAddress: stringField(participant, 'proxy_address') };
  });
}

/**
 * The conversation behind the interaction: an existing one named by `properties.media_channel_sid` (Studio's
 * Send to Flex on an inbound conversation), or a new one with the channel's SMS or WhatsApp participants (an agent's
 * outbound SMS or WhatsApp). A pair already bound in an open conversation refuses the whole interaction with Conversations' 50416, whose
 * message names the conversation to continue instead.
 */
function mediaConversation(state: SandboxState, channel: JsonObject, type: InteractionChannelType): Conversation {
  const properties = isJsonObject(channel['properties']) ? channel['properties'] : {};
  const mediaChannelSid = stringField(properties, 'media_channel_sid');
  if (mediaChannelSid) {
    const existing = state.conversations.findConversation(mediaChannelSid);
    if (!existing) throw invalidParameter('Channel.properties.media_channel_sid', `${mediaChannelSid} is not a Conversation of the account`);
    settleTimers(state, existing);
    if (existing.state === 'closed') throw closedConversation(existing.sid);
    return existing;
  }
  const { planned, conflicts } = planParticipants(state, readMessagingParticipants(channel, type));
  if (conflicts.length > 0) throw bindingInUse(conflicts[0].address, conflicts[0].proxyAddress, conflicts[0].conversationSid);
  const conversation = createConversation(state, {});
  insertPlanned(state, conversation, planned);
  return conversation;
}

function customerAddressOf(state: SandboxState, conversation: Conversation): string | undefined {
  return state.conversations.participantsOf(conversation.sid).find((participant) => participant.messagingBinding)?.messagingBinding?.address;
}

/**
 * Creates an Interaction as Flex does: the conversation (new or given), the Interaction Channel on it, the customer
 * as channel participant, and a TaskRouter task (through an Invite) carrying the routing attributes and Flex's keys.
 * Every check runs before the first write. Twilio sets the channel up asynchronously; here it is `active` at once.
 */
export function createInteraction(state: SandboxState, input: NewInteraction): Interaction {
  const type = readChannelType(input.channel);
  const initiatedBy = stringField(input.channel, 'initiated_by') ?? 'api';
  const routing = readRouting(state, input.routing);
  if (!state.taskrouter.findTaskChannel(routing.workflow.workspaceSid, routing.taskChannel)) {
    throw invalidParameter('Routing.properties.task_channel_unique_name', `${routing.taskChannel} is not a TaskChannel of the workspace`);
  }
  const conversation = mediaConversation(state, input.channel, type);
  const store = state.interactions;
  const now = state.now();
  const interactionSid = state.sid('KD');
  const channel = store.channels.add({
    sid: state.sid('UO'),
    interactionSid,
    type,
    status: 'active',
    conversationSid: conversation.sid,
    dateCreated: now,
    dateUpdated: now,
  });
  for (const participant of state.conversations.participantsOf(conversation.sid).filter((candidate) => candidate.messagingBinding)) {
    store.participants.add({
      sid: state.sid('UT'),
      interactionSid,
      channelSid: channel.sid,
      type: 'customer',
      conversationParticipantSid: participant.sid,
      routingProperties: null,
      status: 'active',
    });
  }
  inviteAgent(state, { interactionSid, channelSid: channel.sid, conversation, type, initiatedBy, routingJson: input.routing ?? {}, routing });
  return store.interactions.add({
    sid: interactionSid,
    channelSid: channel.sid,
    channel: input.channel,
    interactionContextSid: input.interactionContextSid ?? null,
    webhookTtid: input.webhookTtid ?? null,
    dateCreated: now,
  });
}

interface InviteRequest {
  interactionSid: string;
  channelSid: string;
  conversation: Conversation;
  type: string;
  initiatedBy: string;
  routingJson: JsonObject;
  routing: ReturnType<typeof readRouting>;
}

/** An Invite and its task: how the interaction (or a later invite) reaches an agent through TaskRouter. */
export function inviteAgent(state: SandboxState, request: InviteRequest) {
  const inviteSid = state.sid('KG');
  const task = createInteractionTask(state, request.routing, {
    conversationSid: request.conversation.sid,
    channelType: request.type,
    interactionSid: request.interactionSid,
    interactionChannelSid: request.channelSid,
    inviteSid,
    initiatedBy: request.initiatedBy,
    customerAddress: customerAddressOf(state, request.conversation),
  });
  return state.interactions.invites.add({
    sid: inviteSid,
    interactionSid: request.interactionSid,
    channelSid: request.channelSid,
    taskSid: task.sid,
    routing: request.routingJson,
  });
}
