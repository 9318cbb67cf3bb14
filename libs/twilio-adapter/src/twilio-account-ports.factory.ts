import type { TwilioAccountPorts } from '@flex-sms/domain';
import type twilio from 'twilio';
import { TwilioChatChannelAdapter } from './chat/twilio-chat-channel.adapter';
import { TwilioChatServiceAdapter } from './chat/twilio-chat-service.adapter';
import { TwilioMessageAdapter } from './chat/twilio-message.adapter';
import { TwilioAddressConfigurationAdapter } from './conversations/twilio-address-configuration.adapter';
import { TwilioConversationAdapter } from './conversations/twilio-conversation.adapter';
import { TwilioInteractionAdapter } from './conversations/twilio-interaction.adapter';
import { TwilioFlexFlowAdapter } from './flex/twilio-flex-flow.adapter';
import { TwilioIncomingPhoneNumberAdapter } from './phone-numbers/twilio-incoming-phone-number.adapter';
import { TwilioProxyServiceAdapter } from './proxy/twilio-proxy-service.adapter';
import { TwilioProxySessionAdapter } from './proxy/twilio-proxy-session.adapter';
import { unconfiguredProxy } from './proxy/unconfigured-proxy.adapter';
import { checkProxyServiceSid } from './twilio-ports.factory';
import { TwilioStudioFlowAdapter } from './studio/twilio-studio-flow.adapter';
import { TwilioWorkspaceAdapter } from './taskrouter/twilio-workspace.adapter';

export interface TwilioAccountPortsOptions {
  /** The account (AC…): API 2010 paths name it. */
  accountSid: string;
  /** The Proxy Service (KS…) the product uses; null when every number uses Conversations. */
  proxyServiceSid: string | null;
}

/** The ports of the set-up and housekeeping use cases (Flex Flow management, clean-up, the doctor), over one SDK client. */
export function createTwilioAccountPorts(client: twilio.Twilio, options: TwilioAccountPortsOptions): TwilioAccountPorts {
  if (!/^AC[0-9a-fA-F]{32}$/.test(options.accountSid)) throw new Error(`accountSid must be an AC… SID, got '${options.accountSid}'`);
  checkProxyServiceSid(options.proxyServiceSid);
  const proxyServiceSid = options.proxyServiceSid;
  return {
    flexFlows: new TwilioFlexFlowAdapter(client),
    chatServices: new TwilioChatServiceAdapter(client),
    chatChannels: new TwilioChatChannelAdapter(client),
    messages: new TwilioMessageAdapter(client),
    proxyService: proxyServiceSid ? new TwilioProxyServiceAdapter(client, proxyServiceSid) : unconfiguredProxy,
    proxySessions: proxyServiceSid ? new TwilioProxySessionAdapter(client, proxyServiceSid) : unconfiguredProxy,
    workspaces: new TwilioWorkspaceAdapter(client),
    studioFlows: new TwilioStudioFlowAdapter(client),
    phoneNumbers: new TwilioIncomingPhoneNumberAdapter(client, options.accountSid),
    addressConfigurations: new TwilioAddressConfigurationAdapter(client),
    conversations: new TwilioConversationAdapter(client),
    interactions: new TwilioInteractionAdapter(client),
  };
}
