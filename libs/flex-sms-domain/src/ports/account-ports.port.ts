import type { ChatChannelPort, ChatServicePort } from './chat-channel.port';
import type { FlexFlowManagementPort } from './flex-flow.port';
import type { MessagePort } from './message.port';
import type { IncomingPhoneNumberPort } from './phone-number.port';
import type { ProxyServicePort, ProxySessionPort } from './proxy-session.port';
import type { WorkspacePort } from './task.port';

/**
 * The Twilio-facing ports of the account set-up and housekeeping use cases (Flex Flow management, clean-up jobs,
 * the set-up doctor), as `createTwilioAccountPorts` in the adapter builds them.
 */
export interface TwilioAccountPorts {
  flexFlows: FlexFlowManagementPort;
  chatServices: ChatServicePort;
  chatChannels: ChatChannelPort;
  messages: MessagePort;
  proxyService: ProxyServicePort;
  proxySessions: ProxySessionPort;
  workspaces: WorkspacePort;
  phoneNumbers: IncomingPhoneNumberPort;
}
