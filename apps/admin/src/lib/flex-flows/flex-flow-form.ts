// The Flex Flow create/edit form: Flex's own parameters (FriendlyName, ContactIdentity, IntegrationType, Enabled,
// LongLived, JanitorEnabled, Integration.*), checked as the API checks them. The integration SIDs may be left
// empty: the API completes them from the account (the Studio Flow the other flows use; the only workspace and
// workflow; the `chat` task channel).
import { isE164, isSid } from '../outbound/send-form-validation';
import { SCHEMA_LIMITS } from '../api/wire';
import type { FlexFlow } from './flex-flow.types';

export const MANAGED_INTEGRATION_TYPES = ['studio', 'task'] as const;
export type ManagedIntegrationType = (typeof MANAGED_INTEGRATION_TYPES)[number];

/** Flex caps FriendlyName. */
export const MAX_FRIENDLY_NAME_LENGTH = SCHEMA_LIMITS.CreateFlexFlowRequestDto.friendlyName.maxLength;

export interface FlexFlowFormValues {
  friendlyName: string;
  contactIdentity: string;
  integrationType: ManagedIntegrationType;
  enabled: boolean;
  longLived: boolean;
  janitorEnabled: boolean;
  flowSid: string;
  workspaceSid: string;
  workflowSid: string;
  channel: string;
}

export type FlexFlowFormField = keyof FlexFlowFormValues;
export type FlexFlowFormErrors = Partial<Record<FlexFlowFormField, string>>;

export interface FlexFlowRequest {
  /** Left out, the API names the flow after its type and number. */
  friendlyName?: string;
  channelType: 'sms';
  contactIdentity: string;
  integrationType: ManagedIntegrationType;
  enabled: boolean;
  longLived: boolean;
  janitorEnabled: boolean;
  integration: { flowSid?: string; workspaceSid?: string; workflowSid?: string; channel?: string };
}

/** A new SMS flow as Flex's set-up guide makes them: Studio enabled; Task disabled (only used through the API). */
export function newFlexFlowForm(integrationType: ManagedIntegrationType = 'studio'): FlexFlowFormValues {
  return {
    friendlyName: '',
    contactIdentity: '',
    integrationType,
    enabled: integrationType === 'studio',
    longLived: false,
    janitorEnabled: true,
    flowSid: '',
    workspaceSid: '',
    workflowSid: '',
    channel: '',
  };
}

export function flexFlowFormFrom(flow: FlexFlow): FlexFlowFormValues {
  return {
    friendlyName: flow.friendlyName,
    contactIdentity: flow.contactIdentity,
    integrationType: flow.integrationType === 'task' ? 'task' : 'studio',
    enabled: flow.enabled,
    longLived: flow.longLived,
    janitorEnabled: flow.janitorEnabled,
    flowSid: flow.integration.flowSid ?? '',
    workspaceSid: flow.integration.workspaceSid ?? '',
    workflowSid: flow.integration.workflowSid ?? '',
    channel: flow.integration.channel ?? '',
  };
}

function optionalSid(value: string, prefix: string): string | undefined {
  return value === '' || isSid(value, prefix)
    ? undefined
    : `A SID starting with ${prefix} followed by 32 hexadecimal digits, or empty for the account’s default.`;
}

export function validateFlexFlowForm(values: FlexFlowFormValues): FlexFlowFormErrors {
  const errors: FlexFlowFormErrors = {};
  if (values.friendlyName !== '' && values.friendlyName.trim() === '') errors.friendlyName = 'The name must not be blank.';
  else if (values.friendlyName.length > MAX_FRIENDLY_NAME_LENGTH)
    errors.friendlyName = `At most ${MAX_FRIENDLY_NAME_LENGTH} characters (now ${values.friendlyName.length}).`;
  if (!isE164(values.contactIdentity)) errors.contactIdentity = 'Enter the Twilio number in E.164 format, e.g. +15550100001.';
  if (values.integrationType === 'studio') {
    errors.flowSid = optionalSid(values.flowSid, 'FW');
  } else {
    errors.workspaceSid = optionalSid(values.workspaceSid, 'WS');
    errors.workflowSid = optionalSid(values.workflowSid, 'WW');
    if (values.channel !== '' && !isSid(values.channel, 'TC') && !/^[a-z][a-z0-9_-]{0,63}$/.test(values.channel)) {
      errors.channel = 'A TaskChannel SID (TC…) or unique name, e.g. chat.';
    }
  }
  return Object.fromEntries(Object.entries(errors).filter(([, message]) => message !== undefined));
}

export function toFlexFlowRequest(values: FlexFlowFormValues): FlexFlowRequest {
  const integration =
    values.integrationType === 'studio'
      ? { ...(values.flowSid ? { flowSid: values.flowSid } : {}) }
      : {
          ...(values.workspaceSid ? { workspaceSid: values.workspaceSid } : {}),
          ...(values.workflowSid ? { workflowSid: values.workflowSid } : {}),
          ...(values.channel ? { channel: values.channel } : {}),
        };
  return {
    ...(values.friendlyName.trim() ? { friendlyName: values.friendlyName.trim() } : {}),
    channelType: 'sms',
    contactIdentity: values.contactIdentity,
    integrationType: values.integrationType,
    enabled: values.enabled,
    longLived: values.longLived,
    janitorEnabled: values.janitorEnabled,
    integration,
  };
}

/** What an edit changed, and only that: Flex keeps what is not sent. */
export function flexFlowChanges(before: FlexFlow, values: FlexFlowFormValues): Partial<FlexFlowRequest> {
  const after = toFlexFlowRequest(values);
  const changes: Partial<FlexFlowRequest> = {};
  if (after.friendlyName !== undefined && after.friendlyName !== before.friendlyName) changes.friendlyName = after.friendlyName;
  if (after.contactIdentity !== before.contactIdentity) changes.contactIdentity = after.contactIdentity;
  if (after.integrationType !== before.integrationType) changes.integrationType = after.integrationType;
  for (const flag of ['enabled', 'longLived', 'janitorEnabled'] as const) {
    if (after[flag] !== before[flag]) changes[flag] = after[flag];
  }
  const integrationChanged = (Object.keys(after.integration) as Array<keyof FlexFlowRequest['integration']>).some(
    (key) => after.integration[key] !== before.integration[key],
  );
  if (integrationChanged || changes.integrationType) changes.integration = after.integration;
  return changes;
}
