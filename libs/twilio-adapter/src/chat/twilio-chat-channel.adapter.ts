import type { ChatChannel, ChatChannelPort, CreateFlexChannelRequest, FlexChannel } from '@flex-sms/domain';
import type twilio from 'twilio';
import { parseAttributes } from '../errors/json-attributes';
import { callTwilio, callTwilioOrNull } from '../errors/twilio-error.mapper';

type FlexChannelInstance = Awaited<ReturnType<ReturnType<twilio.Twilio['flexApi']['v1']['channel']>['fetch']>>;
type ChannelInstance = Awaited<ReturnType<ReturnType<ReturnType<twilio.Twilio['chat']['v2']['services']>['channels']>['fetch']>>;

/** A user belongs to few channels; more than this would mean the identity is shared, which Flex never does. */
const USER_CHANNEL_LIMIT = 100;

/** Chat channels: created through Flex API v1 (so Flex attaches its flow and task), read and changed through Chat v2. */
export class TwilioChatChannelAdapter implements ChatChannelPort {
  constructor(private readonly client: twilio.Twilio) {}

  async createFlexChannel(request: CreateFlexChannelRequest): Promise<FlexChannel> {
    const channel = await callTwilio({ resource: 'Flex channel' }, () =>
      this.client.flexApi.v1.channel.create({
        flexFlowSid: request.flexFlowSid,
        identity: request.identity,
        target: request.target,
        chatUserFriendlyName: request.chatUserFriendlyName,
        chatFriendlyName: request.chatFriendlyName,
        ...(request.taskAttributes ? { taskAttributes: JSON.stringify(request.taskAttributes) } : {}),
        ...(request.chatUniqueName ? { chatUniqueName: request.chatUniqueName } : {}),
      }),
    );
    return toFlexChannel(channel);
  }

  async fetchFlexChannel(channelSid: string): Promise<FlexChannel | null> {
    const channel = await callTwilioOrNull({ resource: 'Flex channel', sid: channelSid }, () => this.client.flexApi.v1.channel(channelSid).fetch());
    return channel ? toFlexChannel(channel) : null;
  }

  async fetchChannel(chatServiceSid: string, channelSid: string): Promise<ChatChannel | null> {
    const channel = await callTwilioOrNull({ resource: 'Chat channel', sid: channelSid }, () => this.channels(chatServiceSid)(channelSid).fetch());
    return channel ? toChatChannel(channel) : null;
  }

  async updateChannelAttributes(chatServiceSid: string, channelSid: string, attributes: Record<string, unknown>): Promise<ChatChannel> {
    const channel = await callTwilio({ resource: 'Chat channel', sid: channelSid }, () =>
      this.channels(chatServiceSid)(channelSid).update({ attributes: JSON.stringify(attributes) }),
    );
    return toChatChannel(channel);
  }

  async removeChannel(chatServiceSid: string, channelSid: string): Promise<void> {
    await callTwilioOrNull({ resource: 'Chat channel', sid: channelSid }, () => this.channels(chatServiceSid)(channelSid).remove());
  }

  async listChannelsOfUser(chatServiceSid: string, identity: string): Promise<string[]> {
    // Chat addresses a user by identity in place of its SID.
    const memberships = await callTwilio({ resource: 'Chat user', sid: identity }, () =>
      this.client.chat.v2.services(chatServiceSid).users(identity).userChannels.list({ limit: USER_CHANNEL_LIMIT }),
    );
    return memberships.map((membership) => membership.channelSid);
  }

  private channels(chatServiceSid: string) {
    return this.client.chat.v2.services(chatServiceSid).channels;
  }
}

function toFlexChannel(channel: FlexChannelInstance): FlexChannel {
  return {
    sid: channel.sid,
    flexFlowSid: channel.flexFlowSid,
    userSid: channel.userSid ?? null,
    taskSid: channel.taskSid ?? null,
    dateCreated: channel.dateCreated,
  };
}

function toChatChannel(channel: ChannelInstance): ChatChannel {
  return {
    sid: channel.sid,
    serviceSid: channel.serviceSid,
    friendlyName: channel.friendlyName ?? null,
    uniqueName: channel.uniqueName ?? null,
    attributes: parseAttributes(channel.attributes),
    dateCreated: channel.dateCreated,
    dateUpdated: channel.dateUpdated,
  };
}
