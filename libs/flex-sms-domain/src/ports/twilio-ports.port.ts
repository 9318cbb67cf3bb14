import type { ChatChannelPort, ChatServicePort } from './chat-channel.port';
import type { AddressConfigurationPort, ConversationPort } from './conversation.port';
import type { FlexFlowManagementPort } from './flex-flow.port';
import type { InteractionPort } from './interaction.port';
import type { MessagePort } from './message.port';
import type { IncomingPhoneNumberPort } from './phone-number.port';
import type { ProxyServicePort, ProxySessionPort } from './proxy-session.port';
import type { StudioFlowPort } from './studio-flow.port';
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
  /** Studio Flows (a Studio Flex Flow's Integration.FlowSid is checked against them). */
  studioFlows: StudioFlowPort;
  phoneNumbers: IncomingPhoneNumberPort;
  /** Conversations Address Configurations (the doctor, for numbers in conversations mode). */
  addressConfigurations: AddressConfigurationPort;
  /** Conversations (the clean-up of stale conversations in conversations mode). */
  conversations: ConversationPort;
  /** The open tasks holding a conversation, which the conversation clean-up leaves alone. */
  interactions: Pick<InteractionPort, 'listOpenTasksOfConversation'>;
}
