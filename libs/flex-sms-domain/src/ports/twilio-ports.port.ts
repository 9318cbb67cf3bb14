import type { ChatChannelPort, ChatServicePort } from './chat-channel.port';
import type { ContentPort } from './content.port';
import type { AddressConfigurationPort, ConversationPort } from './conversation.port';
import type { FlexFlowManagementPort } from './flex-flow.port';
import type { InteractionPort } from './interaction.port';
import type { MessagePort } from './message.port';
import type { IncomingPhoneNumberPort } from './phone-number.port';
import type { ProxyServicePort, ProxySessionPort } from './proxy-session.port';
import type { StudioFlowPort } from './studio-flow.port';
import type { TaskPort, WorkspacePort } from './task.port';

/**
 * Every Twilio-facing port of the domain, as `createTwilioPorts` in the adapter builds them over one SDK client. Each
 * use case takes the few it needs: the outbound flows (OutboundPorts), Flex Flow management, the clean-up jobs, the
 * set-up doctor.
 */
export interface TwilioPorts {
  flexFlows: FlexFlowManagementPort;
  chatServices: ChatServicePort;
  chatChannels: ChatChannelPort;
  messages: MessagePort;
  proxyService: ProxyServicePort;
  proxySessions: ProxySessionPort;
  tasks: TaskPort;
  workspaces: WorkspacePort;
  /** Studio Flows (a Studio Flex Flow's Integration.FlowSid is checked against them). */
  studioFlows: StudioFlowPort;
  phoneNumbers: IncomingPhoneNumberPort;
  /** Conversations Address Configurations (the doctor, for numbers in conversations mode). */
  addressConfigurations: AddressConfigurationPort;
  /** Flex Conversations mode: the conversations themselves. */
  conversations: ConversationPort;
  /** Flex Interactions: the agent flow in conversations mode, and the open tasks a conversation clean-up leaves alone. */
  interactions: InteractionPort;
  /** Content templates: the template list, and sends by template (WhatsApp and SMS). */
  content: ContentPort;
}
