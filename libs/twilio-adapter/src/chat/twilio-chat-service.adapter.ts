import type { ChatService, ChatServicePort, FlexChannel, PageRequest, ResourcePage } from '@flex-sms/domain';
import type twilio from 'twilio';
import { pageOptions, pageTokenOf } from '../client/page-token';
import { callTwilio, callTwilioOrNull } from '../errors/twilio-error.mapper';

/** Chat Services (Chat v2) and Flex's list of its channels (Flex API v1). */
export class TwilioChatServiceAdapter implements ChatServicePort {
  constructor(private readonly client: twilio.Twilio) {}

  async fetchChatService(chatServiceSid: string): Promise<ChatService | null> {
    const service = await callTwilioOrNull({ resource: 'Chat Service', sid: chatServiceSid }, () =>
      this.client.chat.v2.services(chatServiceSid).fetch(),
    );
    return service ? { sid: service.sid, friendlyName: service.friendlyName } : null;
  }

  async listFlexChannels(page: PageRequest): Promise<ResourcePage<FlexChannel>> {
    const result = await callTwilio({ resource: 'Flex channels' }, () => this.client.flexApi.v1.channel.page(pageOptions(page)));
    return {
      items: result.instances.map((channel) => ({
        sid: channel.sid,
        flexFlowSid: channel.flexFlowSid,
        userSid: channel.userSid ?? null,
        taskSid: channel.taskSid ?? null,
        dateCreated: channel.dateCreated,
      })),
      nextPageToken: pageTokenOf(result.nextPageUrl),
    };
  }
}
