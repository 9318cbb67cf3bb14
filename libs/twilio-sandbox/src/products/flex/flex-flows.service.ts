import type { SandboxState } from '../../core/state';
import type { Params } from '../../http/params';
import { invalidParameter, missingParameter } from '../../http/twilio-error';
import { FLEX_CHANNEL_TYPES, FLEX_INTEGRATION_TYPES, type FlexFlow } from './flex.store';

/** `Integration.*` form parameters → the snake_case keys of the `integration` object Twilio returns. */
const INTEGRATION_PARAMS: Record<string, { key: string; type: 'string' | 'integer' | 'boolean' }> = {
  'Integration.FlowSid': { key: 'flow_sid', type: 'string' },
  'Integration.Url': { key: 'url', type: 'string' },
  'Integration.WorkspaceSid': { key: 'workspace_sid', type: 'string' },
  'Integration.WorkflowSid': { key: 'workflow_sid', type: 'string' },
  'Integration.Channel': { key: 'channel', type: 'string' },
  'Integration.Timeout': { key: 'timeout', type: 'integer' },
  'Integration.Priority': { key: 'priority', type: 'integer' },
  'Integration.CreationOnMessage': { key: 'creation_on_message', type: 'boolean' },
  'Integration.RetryCount': { key: 'retry_count', type: 'integer' },
};

/** What each integration type cannot work without. */
const REQUIRED_INTEGRATION: Record<FlexFlow['integrationType'], string[]> = {
  studio: ['Integration.FlowSid'],
  // `Integration.Channel` defaults to the `default` task channel.
  task: ['Integration.WorkspaceSid', 'Integration.WorkflowSid'],
  external: ['Integration.Url'],
};

function readIntegration(params: Params, current: FlexFlow['integration']): FlexFlow['integration'] {
  const integration = { ...current };
  for (const [name, { key, type }] of Object.entries(INTEGRATION_PARAMS)) {
    if (!params.has(name)) continue;
    const value = type === 'integer' ? params.integer(name) : type === 'boolean' ? params.boolean(name) : params.string(name);
    if (value !== undefined) integration[key] = value;
  }
  return integration;
}

function checkIntegration(state: SandboxState, flow: Pick<FlexFlow, 'integrationType' | 'integration'>): void {
  for (const name of REQUIRED_INTEGRATION[flow.integrationType]) {
    if (flow.integration[INTEGRATION_PARAMS[name].key] === undefined) throw missingParameter(name);
  }
  if (flow.integrationType === 'studio' && !state.studio.flows.get(String(flow.integration['flow_sid']))) {
    throw invalidParameter('Integration.FlowSid', `${String(flow.integration['flow_sid'])} is not a Studio Flow of the account`);
  }
  if (flow.integrationType === 'task') {
    const workflow = state.taskrouter.workflows.get(String(flow.integration['workflow_sid']));
    if (!workflow || workflow.workspaceSid !== flow.integration['workspace_sid']) {
      throw invalidParameter('Integration.WorkflowSid', `${String(flow.integration['workflow_sid'])} is not a Workflow of the workspace`);
    }
  }
}

function checkChatService(state: SandboxState, chatServiceSid: string): void {
  if (!state.chat.services.get(chatServiceSid)) throw invalidParameter('ChatServiceSid', `${chatServiceSid} is not a Chat Service of the account`);
}

export function createFlexFlow(state: SandboxState, params: Params): FlexFlow {
  const friendlyName = params.required('FriendlyName');
  const chatServiceSid = params.required('ChatServiceSid');
  params.required('ChannelType');
  const channelType = params.oneOf('ChannelType', FLEX_CHANNEL_TYPES) ?? 'sms';
  const integrationType = params.oneOf('IntegrationType', FLEX_INTEGRATION_TYPES) ?? 'studio';
  const integration = readIntegration(params, {});
  checkChatService(state, chatServiceSid);
  checkIntegration(state, { integrationType, integration });
  const now = state.now();
  return state.flex.flows.add({
    sid: state.sid('FO'),
    friendlyName,
    chatServiceSid,
    channelType,
    contactIdentity: params.string('ContactIdentity') ?? null,
    enabled: params.boolean('Enabled') ?? false,
    integrationType,
    integration,
    longLived: params.boolean('LongLived') ?? false,
    janitorEnabled: params.boolean('JanitorEnabled') ?? false,
    dateCreated: now,
    dateUpdated: now,
  });
}

export function updateFlexFlow(state: SandboxState, flow: FlexFlow, params: Params): FlexFlow {
  const chatServiceSid = params.string('ChatServiceSid') ?? flow.chatServiceSid;
  const integrationType = params.oneOf('IntegrationType', FLEX_INTEGRATION_TYPES) ?? flow.integrationType;
  // Changing the integration type starts the integration afresh; otherwise given keys update the current one.
  const integration = readIntegration(params, integrationType === flow.integrationType ? flow.integration : {});
  checkChatService(state, chatServiceSid);
  checkIntegration(state, { integrationType, integration });
  flow.friendlyName = params.string('FriendlyName') ?? flow.friendlyName;
  flow.chatServiceSid = chatServiceSid;
  flow.channelType = params.oneOf('ChannelType', FLEX_CHANNEL_TYPES) ?? flow.channelType;
  flow.contactIdentity = params.string('ContactIdentity') ?? flow.contactIdentity;
  flow.enabled = params.boolean('Enabled') ?? flow.enabled;
  flow.integrationType = integrationType;
  flow.integration = integration;
  flow.longLived = params.boolean('LongLived') ?? flow.longLived;
  flow.janitorEnabled = params.boolean('JanitorEnabled') ?? flow.janitorEnabled;
  flow.dateUpdated = state.now();
  return flow;
}
