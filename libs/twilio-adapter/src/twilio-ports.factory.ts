import type { TwilioPorts } from '@flex-sms/domain';
import type twilio from 'twilio';
import { TwilioChatChannelAdapter } from './chat/twilio-chat-channel.adapter';
import { TwilioMessageAdapter } from './chat/twilio-message.adapter';
import { TwilioContentAdapter } from './content/twilio-content.adapter';
import { TwilioAddressConfigurationAdapter } from './conversations/twilio-address-configuration.adapter';
import { TwilioConversationAdapter } from './conversations/twilio-conversation.adapter';
import { TwilioInteractionAdapter } from './conversations/twilio-interaction.adapter';
import { TwilioFlexFlowAdapter } from './flex/twilio-flex-flow.adapter';
import { TwilioProxySessionAdapter } from './proxy/twilio-proxy-session.adapter';
import { unconfiguredProxy } from './proxy/unconfigured-proxy.adapter';
import { TwilioTaskAdapter } from './taskrouter/twilio-task.adapter';
import { TwilioWorkspaceAdapter } from './taskrouter/twilio-workspace.adapter';

export interface TwilioPortsOptions {
  /** The Proxy Service (KS…) that relays between chat channels and phones; null when every number uses Conversations. */
  proxyServiceSid: string | null;
  /**
   * The account's Flex chat service (IS…). The ports take the chat service per call, because each Flex Flow names
   * its own; this is only checked for shape so a misconfiguration fails at start-up.
   */
  chatServiceSid?: string;
}

/** Every Twilio-facing port of the domain, over one SDK client. */
export function createTwilioPorts(client: twilio.Twilio, options: TwilioPortsOptions): TwilioPorts {
  checkProxyServiceSid(options.proxyServiceSid);
  if (options.chatServiceSid !== undefined && !/^IS[0-9a-fA-F]{32}$/.test(options.chatServiceSid)) {
    throw new Error(`chatServiceSid must be an IS… SID, got '${options.chatServiceSid}'`);
  }
  return {
    flexFlows: new TwilioFlexFlowAdapter(client),
    chatChannels: new TwilioChatChannelAdapter(client),
    messages: new TwilioMessageAdapter(client),
    proxySessions: options.proxyServiceSid ? new TwilioProxySessionAdapter(client, options.proxyServiceSid) : unconfiguredProxy,
    tasks: new TwilioTaskAdapter(client),
    conversations: new TwilioConversationAdapter(client),
    interactions: new TwilioInteractionAdapter(client),
    addressConfigurations: new TwilioAddressConfigurationAdapter(client),
    workspaces: new TwilioWorkspaceAdapter(client),
    content: new TwilioContentAdapter(client),
  };
}

/** A Proxy Service SID of the right shape, or none: a misconfiguration fails at start-up, not on the first send. */
export function checkProxyServiceSid(proxyServiceSid: string | null): void {
  if (proxyServiceSid !== null && !/^KS[0-9a-fA-F]{32}$/.test(proxyServiceSid)) throw new Error(`proxyServiceSid must be a KS… SID, got '${proxyServiceSid}'`);
}
