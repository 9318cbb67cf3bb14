import type { TwilioPorts } from '@flex-sms/domain';
import type twilio from 'twilio';
import { TwilioChatChannelAdapter } from './chat/twilio-chat-channel.adapter';
import { TwilioChatServiceAdapter } from './chat/twilio-chat-service.adapter';
import { TwilioMessageAdapter } from './chat/twilio-message.adapter';
import { TwilioContentAdapter } from './content/twilio-content.adapter';
import { TwilioAddressConfigurationAdapter } from './conversations/twilio-address-configuration.adapter';
import { TwilioConversationAdapter } from './conversations/twilio-conversation.adapter';
import { TwilioInteractionAdapter } from './conversations/twilio-interaction.adapter';
import { TwilioFlexFlowAdapter } from './flex/twilio-flex-flow.adapter';
import { TwilioIncomingPhoneNumberAdapter } from './phone-numbers/twilio-incoming-phone-number.adapter';
import { TwilioProxyServiceAdapter } from './proxy/twilio-proxy-service.adapter';
import { TwilioProxySessionAdapter } from './proxy/twilio-proxy-session.adapter';
import { unconfiguredProxy } from './proxy/unconfigured-proxy.adapter';
import { TwilioStudioFlowAdapter } from './studio/twilio-studio-flow.adapter';
import { TwilioTaskAdapter } from './taskrouter/twilio-task.adapter';
import { TwilioWorkspaceAdapter } from './taskrouter/twilio-workspace.adapter';

export interface TwilioPortsOptions {
  /** The account (AC…): API 2010 paths name it. */
  accountSid: string;
  /** The Proxy Service (KS…) that relays between chat channels and phones; null when every number uses Conversations. */
  proxyServiceSid: string | null;
  /**
   * The account's Flex chat service (IS…). The ports take the chat service per call, because each Flex Flow names
   * its own; this is only checked for shape so a misconfiguration fails at start-up.
   */
  chatServiceSid?: string;
}

/** Every Twilio-facing port of the domain, over one SDK client. SIDs of the wrong shape fail here, at start-up. */
export function createTwilioPorts(client: twilio.Twilio, options: TwilioPortsOptions): TwilioPorts {
  const { accountSid, proxyServiceSid, chatServiceSid } = options;
  checkSid('accountSid', 'AC', accountSid);
  if (proxyServiceSid !== null) checkSid('proxyServiceSid', 'KS', proxyServiceSid);
  if (chatServiceSid !== undefined) checkSid('chatServiceSid', 'IS', chatServiceSid);
  return {
    flexFlows: new TwilioFlexFlowAdapter(client),
    chatServices: new TwilioChatServiceAdapter(client),
    chatChannels: new TwilioChatChannelAdapter(client),
    messages: new TwilioMessageAdapter(client),
    proxyService: proxyServiceSid ? new TwilioProxyServiceAdapter(client, proxyServiceSid) : unconfiguredProxy,
    proxySessions: proxyServiceSid ? new TwilioProxySessionAdapter(client, proxyServiceSid) : unconfiguredProxy,
    tasks: new TwilioTaskAdapter(client),
    workspaces: new TwilioWorkspaceAdapter(client),
    studioFlows: new TwilioStudioFlowAdapter(client),
    phoneNumbers: new TwilioIncomingPhoneNumberAdapter(client, accountSid),
    addressConfigurations: new TwilioAddressConfigurationAdapter(client),
    conversations: new TwilioConversationAdapter(client),
    interactions: new TwilioInteractionAdapter(client),
    content: new TwilioContentAdapter(client),
  };
}

function checkSid(name: string, prefix: 'AC' | 'KS' | 'IS', sid: string): void {
  const article = prefix === 'KS' ? 'a' : 'an';
  if (!new RegExp(`^${prefix}[0-9a-fA-F]{32}$`).test(sid)) throw new Error(`${name} must be ${article} ${prefix}… SID, got '${sid}'`);
}
