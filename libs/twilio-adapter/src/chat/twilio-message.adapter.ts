import type { ChatMessage, MessagePort, PostMessageRequest } from '@flex-sms/domain';
import type twilio from 'twilio';
import { parseAttributes } from '../errors/json-attributes';
import { callTwilio } from '../errors/twilio-error.mapper';

type MessageInstance = Awaited<ReturnType<ReturnType<ReturnType<twilio.Twilio['chat']['v2']['services']>['channels']>['messages']['create']>>;

/** Chat v2 messages. */
export class TwilioMessageAdapter implements MessagePort {
  constructor(private readonly client: twilio.Twilio) {}

  async postMessage(chatServiceSid: string, channelSid: string, message: PostMessageRequest): Promise<ChatMessage> {
    const posted = await callTwilio({ resource: 'Chat message', sid: channelSid }, () =>
      this.messages(chatServiceSid, channelSid).create({
        body: message.body,
        ...(message.from ? { from: message.from } : {}),
        ...(message.attributes ? { attributes: JSON.stringify(message.attributes) } : {}),
      }),
    );
    return toChatMessage(posted);
  }

  async listRecentMessages(chatServiceSid: string, channelSid: string, limit: number): Promise<ChatMessage[]> {
    const messages = await callTwilio({ resource: 'Chat messages', sid: channelSid }, () =>
      this.messages(chatServiceSid, channelSid).list({ order: 'desc', limit, pageSize: limit }),
    );
    return messages.map(toChatMessage);
  }

  private messages(chatServiceSid: string, channelSid: string) {
    return this.client.chat.v2.services(chatServiceSid).channels(channelSid).messages;
  }
}

function toChatMessage(message: MessageInstance): ChatMessage {
  return {
    sid: message.sid,
    channelSid: message.channelSid,
    body: message.body ?? '',
    from: message.from ?? 'system',
    index: message.index,
    attributes: parseAttributes(message.attributes),
    dateCreated: message.dateCreated,
  };
}
