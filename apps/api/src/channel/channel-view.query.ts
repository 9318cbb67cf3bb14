import { Inject, Injectable } from '@nestjs/common';
import {
  IDEMPOTENT,
  ResourceNotFound,
  TwilioRetrier,
  type ChatChannel,
  type ChatChannelPort,
  type ChatMessage,
  type MessagePort,
} from '@flex-sms/domain';
import { TWILIO_PORT } from '../twilio/twilio.tokens';

export interface ChannelView {
  channel: ChatChannel;
  /** The newest messages, oldest first (as a chat reads). */
  messages: ChatMessage[];
}

/**
 * A chat channel with its attributes and recent messages: two reads through the domain's ports, with its retry
 * policy. (The domain has no query use case for this; it is a read, so it lives here as a thin query.)
 */
@Injectable()
export class ChannelViewQuery {
  constructor(
    @Inject(TWILIO_PORT.chatChannels) private readonly chatChannels: ChatChannelPort,
    @Inject(TWILIO_PORT.messages) private readonly messages: MessagePort,
    private readonly retrier: TwilioRetrier,
  ) {}

  async execute(chatServiceSid: string, channelSid: string, messageLimit: number): Promise<ChannelView> {
    const { chatChannels, messages, retrier } = this;
    const [channel, recent] = await Promise.all([
      retrier.run('fetch chat channel', () => chatChannels.fetchChannel(chatServiceSid, channelSid), IDEMPOTENT),
      messageLimit === 0
        ? Promise.resolve([])
        : retrier
            .run('list chat messages', () => messages.listRecentMessages(chatServiceSid, channelSid, messageLimit), IDEMPOTENT)
            // The channel read below says whether it exists; a missing channel's messages are simply none.
            .catch((error: unknown) => (error instanceof ResourceNotFound ? [] : Promise.reject(error))),
    ]);
    if (!channel) throw new ResourceNotFound('Chat channel', channelSid);
    return { channel, messages: [...recent].reverse() };
  }
}
