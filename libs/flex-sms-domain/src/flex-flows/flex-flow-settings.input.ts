import type { FlexFlowIntegrationType } from '../ports/flex-flow.port';

/** Flex channel types (Flex API v1 `ChannelType`). */
export const FLEX_CHANNEL_TYPES = ['web', 'sms', 'facebook', 'whatsapp', 'line', 'custom'] as const;

/** The integration types this product creates. `external` (a webhook) is Flex's too, but nothing here uses it. */
export const MANAGED_INTEGRATION_TYPES = ['studio', 'task'] as const satisfies readonly FlexFlowIntegrationType[];
export type ManagedIntegrationType = (typeof MANAGED_INTEGRATION_TYPES)[number];

/** The integration parameters of the README, without the `Integration.` prefix. */
export interface FlexFlowIntegrationInput {
  /** Studio flows: `Integration.FlowSid` (FW…). */
  flowSid?: string;
  /** Task flows: `Integration.WorkspaceSid` (WS…). */
  workspaceSid?: string;
  /** Task flows: `Integration.WorkflowSid` (WW…). */
  workflowSid?: string;
  /** Task flows: `Integration.Channel`, the TaskChannel (TC… or its unique name, e.g. `chat`). */
  channel?: string;
}
