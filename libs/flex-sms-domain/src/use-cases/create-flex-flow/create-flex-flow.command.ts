import type { FlexFlowIntegrationInput, ManagedIntegrationType } from '../../flex-flows/flex-flow-settings.input';

/**
 * A Studio or Task Flex Flow for one number, with every parameter the original README documents. Everything but the
 * integration type and the address has a default picked from the account.
 */
export interface CreateFlexFlowCommand {
  integrationType: ManagedIntegrationType;
  /** The Twilio number (E.164) for `sms`; the address as is for other channel types. */
  contactIdentity: string;
  /** Default `sms`. */
  channelType?: string;
  /** Default: the README's names, "Flex Messaging Channel Flow <number>" / "Flex SMS To Task Flow <number>". */
  friendlyName?: string;
  /**
   * Default: Studio `true`; Task `false`, as the README advises — the Task flow is only used by creating channels
   * through the API, and inbound messages keep going to Studio.
   */
  enabled?: boolean;
  chatServiceSid?: string;
  integration?: FlexFlowIntegrationInput;
  /** Default `false`. */
  longLived?: boolean;
  /** Default `true`. */
  janitorEnabled?: boolean;
}
