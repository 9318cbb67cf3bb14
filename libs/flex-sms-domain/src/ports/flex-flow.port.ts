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

/** Everything a Flex Flow is made of, as `POST /v1/FlexFlows` takes it (the README's parameters). */
export interface FlexFlowSettings {
  friendlyName: string;
  chatServiceSid: string;
  channelType: string;
  contactIdentity: string;
  enabled: boolean;
  integrationType: FlexFlowIntegrationType;
  integration: FlexFlow['integration'];
  longLived: boolean;
  janitorEnabled: boolean;
}

/** What an update changes; absent fields stay as they are (Flex keeps integration keys that are not sent). */
export type FlexFlowChanges = Partial<Omit<FlexFlowSettings, 'integration'>> & { integration?: FlexFlow['integration'] };

/**
 * Creating, changing and deleting Flex Flows (Flex API v1). Separate from FlexFlowPort because only the set-up
 * screens change flows; the outbound flows only read them.
 */
export interface FlexFlowManagementPort extends FlexFlowPort {
  /** `null` when there is no such flow. */
  fetchFlexFlow(sid: string): Promise<FlexFlow | null>;
  createFlexFlow(settings: FlexFlowSettings): Promise<FlexFlow>;
  updateFlexFlow(sid: string, changes: FlexFlowChanges): Promise<FlexFlow>;
  /** A flow already gone is not an error. */
  removeFlexFlow(sid: string): Promise<void>;
}
