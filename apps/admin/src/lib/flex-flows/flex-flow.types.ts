// A Flex Flow as the API lists it (apps/api/src/flex-flow/flex-flow.response.dto.ts).
export interface FlexFlow {
  sid: string;
  friendlyName: string;
  chatServiceSid: string;
  channelType: string;
  /** For sms: the Twilio number. */
  contactIdentity: string;
  enabled: boolean;
  integrationType: 'studio' | 'task' | 'external' | string;
  integration: { workspaceSid?: string; workflowSid?: string; channel?: string; flowSid?: string };
  longLived: boolean;
  janitorEnabled: boolean;
}
