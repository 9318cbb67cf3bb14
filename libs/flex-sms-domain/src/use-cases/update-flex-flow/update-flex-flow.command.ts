import type { FlexFlowIntegrationInput, ManagedIntegrationType } from '../../flex-flows/flex-flow-settings.input';

/** Changes to one Flex Flow; absent fields stay as they are. */
export interface UpdateFlexFlowCommand {
  sid: string;
  integrationType?: ManagedIntegrationType;
  contactIdentity?: string;
  channelType?: string;
  friendlyName?: string;
  enabled?: boolean;
  chatServiceSid?: string;
  /** Given keys replace the flow's; when the integration type changes, the new integration starts from defaults. */
  integration?: FlexFlowIntegrationInput;
  longLived?: boolean;
  janitorEnabled?: boolean;
}
