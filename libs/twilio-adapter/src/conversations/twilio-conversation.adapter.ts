import type {
  Conversation,
  ConversationMessage,
  ConversationParticipant,
  ConversationPort,
  ConversationState,
  CreateConversationRequest,
  ListConversationsRequest,
  PostConversationMessageRequest,
  ResourcePage,
  SmsParticipantRequest,
} from '@flex-sms/domain';
import { TwilioRequestFailed } from '@flex-sms/domain';
import type twilio from 'twilio';
import { parseAttributes } from '../errors/json-attributes';
import { pageOptions, pageTokenOf } from '../client/page-token';
import { TWILIO_CODES, callTwilio, callTwilioOrNull } from '../errors/twilio-error.mapper';

/** Conversations lists at most 100 per page (its docs), whatever larger size is asked for. */
const MAX_CONVERSATIONS_PAGE = 100;

type ConversationsV1 = twilio.Twilio['conversations']['v1'];
type ConversationInstance = Awaited<ReturnType<ConversationsV1['conversations']['create']>>;
type ParticipantInstance = Awaited<ReturnType<ReturnType<ConversationsV1['conversations']>['participants']['create']>>;
type MessageInstance = Awaited<ReturnType<ReturnType<ConversationsV1['conversations']>['messages']['create']>>;

/** Conversations v1: conversations, their SMS participants, Studio webhooks and messages. */
export class TwilioConversationAdapter implements ConversationPort {
  constructor(private readonly client: twilio.Twilio) {}

  async createConversation(request: CreateConversationRequest): Promise<Conversation> {
    const created = await callTwilio({ resource: 'Conversation', sid: request.uniqueName }, () =>
      this.v1.conversations.create({
        friendlyName: request.friendlyName,
        uniqueName: request.uniqueName,
        ...(request.attributes ? { attributes: JSON.stringify(request.attributes) } : {}),
      }),
    );
    return toConversation(created);
  }

  async fetchConversation(sidOrUniqueName: string): Promise<Conversation | null> {
    const found = await callTwilioOrNull({ resource: 'Conversation', sid: sidOrUniqueName }, () => this.v1.conversations(sidOrUniqueName).fetch());
    return found ? toConversation(found) : null;
  }

  async removeConversation(conversationSid: string): Promise<void> {
    await callTwilioOrNull({ resource: 'Conversation', sid: conversationSid }, () => this.v1.conversations(conversationSid).remove());
  }

  async addSmsParticipant(conversationSid: string, participant: SmsParticipantRequest): Promise<ConversationParticipant> {
    const added = await callTwilio({ resource: 'Conversation participant', sid: conversationSid }, () =>
      this.v1.conversations(conversationSid).participants.create({
        'messagingBinding.address': participant.address,
        'messagingBinding.proxyAddress': participant.proxyAddress,
      }),
    );
    return toParticipant(added);
  }

  async listParticipants(conversationSid: string): Promise<ConversationParticipant[]> {
    const participants = await callTwilio({ resource: 'Conversation participants', sid: conversationSid }, () =>
      this.v1.conversations(conversationSid).participants.list(),
    );
    return participants.map(toParticipant);
  }

  async attachStudioFlow(conversationSid: string, studioFlowSid: string): Promise<{ sid: string }> {
    const webhook = await callTwilio({ resource: 'Conversation webhook', sid: conversationSid }, () =>
      this.v1.conversations(conversationSid).webhooks.create({ target: 'studio', 'configuration.flowSid': studioFlowSid }),
    );
    return { sid: webhook.sid };
  }

  async postMessage(conversationSid: string, message: PostConversationMessageRequest): Promise<ConversationMessage> {
    const posted = await callTwilio({ resource: 'Conversation message', sid: conversationSid }, () =>
      this.v1.conversations(conversationSid).messages.create({
        author: message.author,
        ...(message.body !== undefined ? { body: message.body } : {}),
        ...(message.contentSid ? { contentSid: message.contentSid, contentVariables: JSON.stringify(message.contentVariables ?? {}) } : {}),
        ...(message.attributes ? { attributes: JSON.stringify(message.attributes) } : {}),
      }),
    );
    return toMessage(posted);
  }

  async listRecentMessages(conversationSid: string, limit: number): Promise<ConversationMessage[]> {
    const messages = await callTwilio({ resource: 'Conversation messages', sid: conversationSid }, () =>
      this.v1.conversations(conversationSid).messages.list({ order: 'desc', limit, pageSize: limit }),
    );
    return messages.map(toMessage);
  }

  async listConversations(request: ListConversationsRequest): Promise<ResourcePage<Conversation>> {
    const page = await callTwilio({ resource: 'Conversations' }, () =>
      this.v1.conversations.page({
        ...pageOptions({ pageSize: Math.min(request.pageSize, MAX_CONVERSATIONS_PAGE), pageToken: request.pageToken }),
        ...(request.state ? { state: request.state } : {}),
        // Twilio filters EndDate by day (…T23:59:59Z): the end of the cutoff's day keeps every match; the caller filters exactly.
        ...(request.createdBefore ? { endDate: `${request.createdBefore.toISOString().slice(0, 10)}T23:59:59Z` } : {}),
      }),
    );
    return { items: page.instances.map(toConversation), nextPageToken: pageTokenOf(page.nextPageUrl) };
  }

  async closeConversation(conversationSid: string): Promise<boolean> {
    try {
      const updated = await callTwilioOrNull({ resource: 'Conversation', sid: conversationSid }, () =>
        this.v1.conversations(conversationSid).update({ state: 'closed' }),
      );
      return updated !== null;
    } catch (error) {
      // 50377: already in its final closed state, which is what was asked.
      if (error instanceof TwilioRequestFailed && error.twilioCode === TWILIO_CODES.conversationClosed) return false;
      throw error;
    }
  }

  private get v1(): ConversationsV1 {
    return this.client.conversations.v1;
  }
}

function toConversation(conversation: ConversationInstance): Conversation {
  return {
    sid: conversation.sid,
    chatServiceSid: conversation.chatServiceSid,
    friendlyName: conversation.friendlyName ?? null,
    uniqueName: conversation.uniqueName ?? null,
    state: conversation.state as ConversationState,
    attributes: parseAttributes(conversation.attributes),
    dateCreated: conversation.dateCreated,
  };
}

/** The SDK passes `messaging_binding` through as Twilio sends it (snake_case keys). */
function toParticipant(participant: ParticipantInstance): ConversationParticipant {
  const binding = (participant.messagingBinding ?? null) as { address?: string; proxy_address?: string } | null;
  return {
    sid: participant.sid,
    conversationSid: participant.conversationSid,
    identity: participant.identity ?? null,
    address: binding?.address ?? null,
    proxyAddress: binding?.proxy_address ?? null,
  };
}

function toMessage(message: MessageInstance): ConversationMessage {
  return {
    sid: message.sid,
    conversationSid: message.conversationSid,
    author: message.author ?? 'system',
    body: message.body ?? '',
    index: message.index,
    attributes: parseAttributes(message.attributes),
    dateCreated: message.dateCreated,
  };
}
