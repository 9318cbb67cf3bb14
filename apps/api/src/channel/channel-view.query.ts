import { Inject, Injectable } from '@nestjs/common';
import { IDEMPOTENT, ResourceNotFound, type ChatChannel, type ChatMessage, type OutboundSmsDependencies } from '@flex-sms/domain';
import { OUTBOUND_SMS_DEPENDENCIES } from '../outbound/outbound-sms.tokens';

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
  constructor(@Inject(OUTBOUND_SMS_DEPENDENCIES) private readonly deps: OutboundSmsDependencies) {}

  async execute(chatServiceSid: string, channelSid: string, messageLimit: number): Promise<ChannelView> {
    const { chatChannels, messages, retrier } = this.deps;
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
