import type { ChatServicePort } from '../ports/chat-channel.port';
import type { FlexFlowManagementPort } from '../ports/flex-flow.port';
import type { StudioFlowPort } from '../ports/studio-flow.port';
import type { WorkspacePort } from '../ports/task.port';
import type { TwilioRetrier } from '../retry/twilio-retrier';

/** What the Flex Flow management use cases run on. */
export interface FlexFlowManagementDependencies {
  flexFlows: FlexFlowManagementPort;
  chatServices: ChatServicePort;
  workspaces: WorkspacePort;
  studioFlows: StudioFlowPort;
  retrier: TwilioRetrier;
  /** The account's configured Chat Service (TWILIO_CHAT_SERVICE_SID): the first default for ChatServiceSid. */
  defaultChatServiceSid?: string;
  /**
   * Called after a flow was created, changed or deleted, so the outbound flows' cached Flex Flows are read afresh
   * (FlexFlowDirectory.invalidate).
   */
  onFlexFlowsChanged: () => void;
}
