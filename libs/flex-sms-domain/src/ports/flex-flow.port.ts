/** Flex Flow integration types (Flex API v1). This product uses `studio` and `task`. */
export type FlexFlowIntegrationType = 'studio' | 'task' | 'external';

/** A Flex Flow: how messages on one address (ContactIdentity) reach Flex. */
export interface FlexFlow {
  sid: string;
  friendlyName: string;
  chatServiceSid: string;
  /** `sms`, `web`, `whatsapp`, … */
  channelType: string;
  /** The address as Twilio holds it (not necessarily E.164). */
  contactIdentity: string;
  enabled: boolean;
  integrationType: FlexFlowIntegrationType | string;
  integration: {
    /** Task flows: where Flex creates the task. */
    workspaceSid?: string;
    workflowSid?: string;
    /** Task flows: the TaskChannel SID. */
    channel?: string;
    /** Studio flows. */
    flowSid?: string;
  };
  longLived: boolean;
  janitorEnabled: boolean;
}

export interface FlexFlowPort {
  /**
   * Every Flex Flow of the account. Flex has no filter by ContactIdentity, so this is a list; the domain caches it
   * (FlexFlowDirectory) so no request path pays for it more than once per TTL.
   */
  listFlexFlows(): Promise<FlexFlow[]>;
}
