import type { ChatServicePort } from '../../ports/chat-channel.port';
import type { AddressConfiguration } from '../../ports/conversation.port';
import type { FlexFlow } from '../../ports/flex-flow.port';
import type { IncomingPhoneNumber } from '../../ports/phone-number.port';
import type { ProxyPoolNumber, ProxyService } from '../../ports/proxy-session.port';
import type { WorkspacePort } from '../../ports/task.port';
import { IDEMPOTENT, type TwilioRetrier } from '../../retry/twilio-retrier';
import { CHAT_TASK_CHANNEL } from '../../flex-flows/resolve-flex-flow-integration';
import type { SetupCheck } from './diagnosis';

interface Reads {
  chatServices: ChatServicePort;
  workspaces: WorkspacePort;
  retrier: TwilioRetrier;
  configuredChatServiceSid?: string;
}

const API = '/api/v1/flex-flows';

export function checkNumberInAccount(number: string, incoming: IncomingPhoneNumber | null): SetupCheck {
  const title = 'The number belongs to the account';
  if (!incoming) {
    return {
      id: 'number-in-account',
      title,
      status: 'error',
      detail: `${number} is not an IncomingPhoneNumber of the account.`,
      fix: 'Buy or port the number into this account, or diagnose a number the account owns.',
    };
  }
  if (!incoming.smsCapable) {
    return {
      id: 'number-in-account',
      title,
      status: 'error',
      detail: `${number} (${incoming.sid}) cannot send or receive SMS.`,
      fix: 'Use an SMS-capable number.',
      context: { phoneNumberSid: incoming.sid },
    };
  }
  return {
    id: 'number-in-account',
    title,
    status: 'ok',
    detail: `${number} is ${incoming.sid} (${incoming.friendlyName}).`,
    context: { phoneNumberSid: incoming.sid },
  };
}

const FLOW_PURPOSE = {
  task: { id: 'task-flex-flow', title: 'A Task Flex Flow on sms (agent-initiated SMS)', needed: 'agent-initiated SMS (the task an agent picks up)' },
  studio: {
    id: 'studio-flex-flow',
    title: 'A Studio Flex Flow on sms (fire-and-forget SMS)',
    needed: 'fire-and-forget SMS (replies go through Studio)',
  },
} as const;

export function checkFlexFlow(number: string, integrationType: 'task' | 'studio', flows: readonly FlexFlow[]): SetupCheck {
  const { id, title, needed } = FLOW_PURPOSE[integrationType];
  const matching = flows.filter((flow) => flow.integrationType === integrationType);
  if (matching.length === 0) {
    return {
      id,
      title,
      status: 'error',
      detail: `No sms Flex Flow with IntegrationType=${integrationType} has ContactIdentity ${number}: ${needed} cannot work.`,
      fix: `POST ${API} {"integrationType":"${integrationType}","contactIdentity":"${number}"}`,
    };
  }
  const context = { flexFlowSids: matching.map((flow) => flow.sid) };
  if (matching.length > 1) {
    return {
      id,
      title,
      status: 'warning',
      detail: `${matching.length} ${integrationType} Flex Flows serve ${number}; the outbound flows use ${matching.find((flow) => flow.enabled)?.sid ?? matching[0].sid}.`,
      fix: `Delete the extra ones (DELETE ${API}/{sid}).`,
      context,
    };
  }
  const [flow] = matching;
  if (integrationType === 'studio' && !flow.enabled) {
    return {
      id,
      title,
      status: 'error',
      detail: `Studio Flex Flow ${flow.sid} is disabled: the customer's replies would not reach Studio.`,
      fix: `PATCH ${API}/${flow.sid} {"enabled":true}`,
      context,
    };
  }
  return {
    id,
    title,
    status: 'ok',
    detail: `${flow.sid} "${flow.friendlyName}"${flow.enabled ? '' : ' (disabled, as a Task flow normally is)'}.`,
    context,
  };
}

export async function checkChatService(reads: Reads, flows: readonly FlexFlow[], proxyService: ProxyService | null): Promise<SetupCheck> {
  const id = 'chat-service';
  const title = "The flows' Chat Service exists and matches";
  const sids = [...new Set(flows.map((flow) => flow.chatServiceSid))];
  if (sids.length === 0)
    return { id, title, status: 'warning', detail: 'No Flex Flow for the number, so no Chat Service to check.', fix: 'Create the Flex Flows first.' };
  if (sids.length > 1) {
    return {
      id,
      title,
      status: 'error',
      detail: `The number's Flex Flows use different Chat Services (${sids.join(', ')}): a conversation would be split across them.`,
      fix: `Give both flows the same chatServiceSid (PATCH ${API}/{sid}).`,
      context: { chatServiceSids: sids },
    };
  }
  const [sid] = sids;
  const service = await reads.retrier.run('fetch Chat Service', () => reads.chatServices.fetchChatService(sid), IDEMPOTENT);
  if (!service)
    return {
      id,
      title,
      status: 'error',
      detail: `Chat Service ${sid} does not exist.`,
      fix: `Point the flows at the Flex Chat Service (PATCH ${API}/{sid} {"chatServiceSid":"IS…"}).`,
      context: { chatServiceSid: sid },
    };
  const expected = proxyService?.chatInstanceSid ?? reads.configuredChatServiceSid;
  if (expected && expected !== sid) {
    return {
      id,
      title,
      status: 'warning',
      detail: `The flows use ${sid}, but the Proxy Service relays to ${expected}: messages would not reach the flows' channels.`,
      fix: 'Use one Chat Service for the flows and the Proxy Service.',
      context: { chatServiceSid: sid, expected },
    };
  }
  return { id, title, status: 'ok', detail: `${sid} "${service.friendlyName}".`, context: { chatServiceSid: sid } };
}

export async function checkWorkflow(reads: Reads, flow: FlexFlow): Promise<SetupCheck> {
  const id = 'task-workflow';
  const title = "The Task flow's Workflow exists";
  const { workspaceSid, workflowSid } = flow.integration;
  if (!workspaceSid || !workflowSid)
    return {
      id,
      title,
      status: 'error',
      detail: `Task Flex Flow ${flow.sid} names no workspace or workflow.`,
      fix: `PATCH ${API}/${flow.sid} {"integration":{"workflowSid":"WW…"}}`,
    };
  const workflow = await reads.retrier.run('fetch Workflow', () => reads.workspaces.fetchWorkflow(workspaceSid, workflowSid), IDEMPOTENT);
  if (!workflow)
    return {
      id,
      title,
      status: 'error',
      detail: `Workflow ${workflowSid} does not exist in Workspace ${workspaceSid}: Flex cannot create the task.`,
      fix: `PATCH ${API}/${flow.sid} {"integration":{"workflowSid":"WW…"}} with a workflow of the workspace.`,
      context: { workspaceSid, workflowSid },
    };
  return { id, title, status: 'ok', detail: `${workflowSid} "${workflow.friendlyName}" in ${workspaceSid}.`, context: { workspaceSid, workflowSid } };
}

export async function checkTaskChannel(reads: Reads, flow: FlexFlow): Promise<SetupCheck> {
  const id = 'task-channel';
  const title = "The Task flow's TaskChannel is the chat one";
  const { workspaceSid, channel } = flow.integration;
  const fix = `PATCH ${API}/${flow.sid} {"integration":{"channel":"${CHAT_TASK_CHANNEL}"}}`;
  if (!workspaceSid || !channel)
    return { id, title, status: 'error', detail: `Task Flex Flow ${flow.sid} names no TaskChannel (Flex would use 'default').`, fix };
  const found = await reads.retrier.run('fetch TaskChannel', () => reads.workspaces.fetchTaskChannel(workspaceSid, channel), IDEMPOTENT);
  if (!found)
    return {
      id,
      title,
      status: 'error',
      detail: `TaskChannel ${channel} does not exist in Workspace ${workspaceSid}.`,
      fix,
      context: { taskChannel: channel },
    };
  if (found.uniqueName !== CHAT_TASK_CHANNEL) {
    return {
      id,
      title,
      status: 'error',
      detail: `The task channel is '${found.uniqueName}' (${found.sid}); messaging tasks need '${CHAT_TASK_CHANNEL}', or agents are offered them as ${found.uniqueName}.`,
      fix,
      context: { taskChannelSid: found.sid },
    };
  }
  return { id, title, status: 'ok', detail: `${found.sid} (${found.uniqueName}).`, context: { taskChannelSid: found.sid } };
}

export function checkProxyService(service: ProxyService | null): SetupCheck {
  const id = 'proxy-service';
  const title = 'The Proxy Service exists';
  if (!service)
    return {
      id,
      title,
      status: 'error',
      detail: 'The configured Proxy Service does not exist: no SMS can be relayed.',
      fix: 'Set TWILIO_PROXY_SERVICE_SID to the Flex Proxy Service (KS…).',
    };
  return { id, title, status: 'ok', detail: `${service.sid} "${service.uniqueName}".`, context: { proxyServiceSid: service.sid } };
}

export function checkProxyPool(number: string, pool: readonly ProxyPoolNumber[]): SetupCheck {
  const id = 'proxy-pool';
  const title = "The number is in the Proxy Service's pool";
  const entry = pool.find((candidate) => candidate.phoneNumber === number);
  if (!entry)
    return {
      id,
      title,
      status: 'error',
      detail: `${number} is not in the Proxy Service's pool: Proxy cannot text the customer from it.`,
      fix: 'Add it: POST https://proxy.twilio.com/v1/Services/{KS…}/PhoneNumbers with Sid=PN… (or in the Console, Proxy → Numbers).',
    };
  return {
    id,
    title,
    status: 'ok',
    detail: `${entry.sid}, in ${entry.inUse} open session(s).`,
    context: { phoneNumberSid: entry.sid, inUse: entry.inUse },
  };
}

/** What LongLived and JanitorEnabled mean for the flow's channels (the README's explanation, applied). */
export function checkLifecycle(flow: FlexFlow): SetupCheck {
  const id = `${flow.integrationType}-flow-lifecycle`;
  const title = `The ${flow.integrationType} flow's LongLived / JanitorEnabled settings`;
  const context = { flexFlowSid: flow.sid, longLived: flow.longLived, janitorEnabled: flow.janitorEnabled };
  if (flow.longLived) {
    return {
      id,
      title,
      status: 'warning',
      detail: `LongLived=true: channels outlive their tasks and are never closed by Flex, so chat history carries over but channels pile up.`,
      fix: 'Schedule a long-lived channel clean-up (POST /api/v1/cleanup/schedules with kind long-lived-channels).',
      context,
    };
  }
  if (!flow.janitorEnabled) {
    return {
      id,
      title,
      status: 'warning',
      detail:
        'JanitorEnabled=false: a channel is closed only when the Flex UI ends the chat; if that fails, its Proxy session stays open and blocks the next conversation with the customer.',
      fix: `PATCH ${API}/${flow.sid} {"janitorEnabled":true}`,
      context,
    };
  }
  return {
    id,
    title,
    status: 'ok',
    detail: 'LongLived=false, JanitorEnabled=true: each conversation gets a fresh channel, closed by the UI or the janitor when the task ends.',
    context,
  };
}

const ADDRESSES = 'https://conversations.twilio.com/v1/Configuration/Addresses';

/**
 * Conversations mode: the number's sms Address Configuration with AutoCreation on, so a customer who writes first
 * starts a conversation too (Flex UI 2.x). Outbound SMS work without it (they make their conversation), hence a
 * warning rather than an error.
 */
export function checkAddressConfiguration(number: string, configuration: AddressConfiguration | null, studioFlow: FlexFlow | undefined): SetupCheck {
  const id = 'address-configuration';
  const title = 'A Conversations Address Configuration takes inbound SMS (conversations mode)';
  const flowSid = studioFlow?.integration.flowSid ?? '{StudioFlowSid}';
  if (!configuration) {
    return {
      id,
      title,
      status: 'warning',
      detail: `${number} has no sms Address Configuration: a customer who writes first reaches the Programmable Chat Flex Flow, not a conversation.`,
      fix: `POST ${ADDRESSES} Type=sms Address=${number} AutoCreation.Enabled=true AutoCreation.Type=studio AutoCreation.StudioFlowSid=${flowSid}`,
    };
  }
  const context = { addressConfigurationSid: configuration.sid, studioFlowSid: configuration.studioFlowSid };
  if (!configuration.autoCreationEnabled) {
    return {
      id,
      title,
      status: 'warning',
      detail: `${configuration.sid} has AutoCreation disabled: a customer who writes first reaches the Programmable Chat Flex Flow, not a conversation.`,
      fix: `POST ${ADDRESSES}/${configuration.sid} AutoCreation.Enabled=true`,
      context,
    };
  }
  const target =
    configuration.autoCreationType === 'studio'
      ? `Studio flow ${configuration.studioFlowSid}`
      : `its ${configuration.autoCreationType ?? 'default'} target`;
  return { id, title, status: 'ok', detail: `${configuration.sid} starts a conversation for inbound SMS and hands it to ${target}.`, context };
}
