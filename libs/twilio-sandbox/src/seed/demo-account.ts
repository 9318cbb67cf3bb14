import { createHash } from 'node:crypto';
import { systemClock, type Clock } from '../core/clock';
import { SandboxState } from '../core/state';
import { seedAddressConfigurations } from './address-configurations';
import { seedContentTemplates, seedWhatsAppSender, type DemoTemplateName } from './whatsapp-sender';

/** The demo Flex account every sandbox starts with (and returns to on reset): same SIDs on every start. */
export interface DemoAccount {
  accountSid: string;
  authToken: string;
  numbers: string[];
  chatServiceSid: string;
  proxyServiceSid: string;
  workspaceSid: string;
  workflowSid: string;
  studioFlowSid: string;
  taskChannelSids: Record<TaskChannelName, string>;
  /** The account's WhatsApp senders: `whatsapp:+15550100003`, its number in Flex Conversations mode. */
  whatsappSenders: string[];
  /** The seeded Content templates' SIDs: two approved for WhatsApp, one pending. */
  contentTemplates: Record<DemoTemplateName, string>;
}

export type TaskChannelName = 'default' | 'voice' | 'chat' | 'sms';
export type { DemoTemplateName };

/** The demo numbers in Programmable Chat mode (Flex Flows, Proxy pool); `numbers` of the account lists them first. */
export const DEMO_NUMBERS = ['+15550100001', '+15550100002'];
/** The demo number in Flex Conversations mode, also registered with WhatsApp. */
export const DEMO_CONVERSATIONS_NUMBER = '+15550100003';
const SEED = 'flex-sms-sandbox';
/** Seeded resources carry this creation date, so the demo account is byte-identical on every start. */
const SEED_DATE = new Date('2026-11-24T18:00:00Z');

const hex32 = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 32);

export const DEMO_CREDENTIALS = { accountSid: `AC${hex32(`${SEED}:account`)}`, authToken: hex32(`${SEED}:auth-token`) };

const TASK_CHANNELS: Array<{ uniqueName: TaskChannelName; friendlyName: string }> = [
  { uniqueName: 'default', friendlyName: 'Default' },
  { uniqueName: 'voice', friendlyName: 'Voice' },
  { uniqueName: 'chat', friendlyName: 'Programmable Chat' },
  { uniqueName: 'sms', friendlyName: 'SMS' },
];

/** The Studio flow Flex creates for messaging: an incoming message goes to a "Send to Flex" widget. */
const MESSAGING_FLOW_DEFINITION = {
  description: 'Messaging Flow',
  states: [
    { name: 'Trigger', type: 'trigger', transitions: [{ event: 'incomingMessage', next: 'SendMessageToAgent' }], properties: {} },
    {
      name: 'SendMessageToAgent',
      type: 'send-to-flex',
      transitions: [{ event: 'callComplete' }, { event: 'failedToEnqueue' }, { event: 'callFailure' }],
      properties: {
        attributes:
          '{"name": "{{trigger.message.ChannelAttributes.from}}", "channelType": "{{trigger.message.ChannelAttributes.channel_type}}", "channelSid": "{{trigger.message.ChannelSid}}"}',
      },
    },
  ],
  initial_state: 'Trigger',
  flags: { allow_concurrent_calls: true },
};

/**
 * Seeds the demo Flex account: the two Programmable Chat numbers (IncomingPhoneNumbers and Proxy pool), per number a
 * Studio Flex Flow (enabled) and a Task Flex Flow (disabled, as the original Flex outbound SMS README advises: it is
 * only used by creating channels through the API), one Chat service, one Proxy service, one TaskRouter workspace
 * with its workflow, queue and task channels, and the Studio messaging flow; then the Flex Conversations number and
 * WhatsApp sender (seed/whatsapp-sender.ts) and the Content templates.
 */
export function seedDemoAccount(clock: Clock = systemClock): { state: SandboxState; account: DemoAccount } {
  const state = new SandboxState(DEMO_CREDENTIALS, clock, SEED);
  const at = { dateCreated: SEED_DATE, dateUpdated: SEED_DATE };

  const chatService = state.chat.services.add({
    sid: state.sid('IS'),
    friendlyName: 'Flex Chat Service',
    defaultServiceRoleSid: state.sid('RL'),
    defaultChannelRoleSid: state.sid('RL'),
    defaultChannelCreatorRoleSid: state.sid('RL'),
    ...at,
  });

  const workspace = state.taskrouter.workspaces.add({
    sid: state.sid('WS'),
    friendlyName: 'Flex Task Assignment',
    defaultActivitySid: state.sid('WA'),
    defaultActivityName: 'Offline',
    timeoutActivitySid: state.sid('WA'),
    timeoutActivityName: 'Offline',
    ...at,
  });
  const queue = state.taskrouter.taskQueues.add({ sid: state.sid('WQ'), workspaceSid: workspace.sid, friendlyName: 'Everyone' });
  const workflow = state.taskrouter.workflows.add({
    sid: state.sid('WW'),
    workspaceSid: workspace.sid,
    friendlyName: 'Assign to Anyone',
    configuration: JSON.stringify({ task_routing: { filters: [], default_filter: { queue: queue.sid } } }),
    taskReservationTimeout: 120,
    ...at,
  });
  const taskChannelSids = {} as Record<TaskChannelName, string>;
  for (const channel of TASK_CHANNELS) {
    taskChannelSids[channel.uniqueName] = state.taskrouter.taskChannels.add({
      sid: state.sid('TC'),
      workspaceSid: workspace.sid,
      uniqueName: channel.uniqueName,
      friendlyName: channel.friendlyName,
      channelOptimizedRouting: null,
      ...at,
    }).sid;
  }

  const studioFlow = state.studio.flows.add({
    sid: state.sid('FW'),
    friendlyName: 'Messaging Flow',
    definition: MESSAGING_FLOW_DEFINITION,
    status: 'published',
    revision: 1,
    commitMessage: null,
    ...at,
  });

  const proxyService = state.proxy.services.add({
    sid: state.sid('KS'),
    uniqueName: 'Flex Proxy Service',
    chatInstanceSid: chatService.sid,
    defaultTtl: 0,
    ...at,
  });

  for (const phoneNumber of DEMO_NUMBERS) {
    const friendlyName = `(${phoneNumber.slice(2, 5)}) ${phoneNumber.slice(5, 8)}-${phoneNumber.slice(8)}`;
    const number = state.api.incomingPhoneNumbers.add({ sid: state.sid('PN'), phoneNumber, friendlyName, ...at });
    state.proxy.numbers.add({ sid: number.sid, serviceSid: proxyService.sid, phoneNumber, friendlyName, isoCountry: 'US', isReserved: false, ...at });
    const common = {
      chatServiceSid: chatService.sid,
      channelType: 'sms' as const,
      contactIdentity: phoneNumber,
      longLived: false,
      janitorEnabled: true,
      ...at,
    };
    state.flex.flows.add({
      sid: state.sid('FO'),
      friendlyName: `Flex Messaging Channel Flow ${phoneNumber}`,
      enabled: true,
      integrationType: 'studio',
      integration: { flow_sid: studioFlow.sid },
      ...common,
    });
    state.flex.flows.add({
      sid: state.sid('FO'),
      friendlyName: `Flex SMS To Task Flow ${phoneNumber}`,
      enabled: false,
      integrationType: 'task',
      integration: { workspace_sid: workspace.sid, workflow_sid: workflow.sid, channel: taskChannelSids.chat },
      ...common,
    });
  }

  seedAddressConfigurations(state, { chatServiceSid: chatService.sid, studioFlowSid: studioFlow.sid, numbers: DEMO_NUMBERS, at });
  // Seeded after everything above, so the resources above keep the SIDs they always had.
  const whatsappSender = seedWhatsAppSender(state, {
    phoneNumber: DEMO_CONVERSATIONS_NUMBER,
    chatServiceSid: chatService.sid,
    studioFlowSid: studioFlow.sid,
    at,
  });
  const contentTemplates = seedContentTemplates(state, at);

  return {
    state,
    account: {
      ...DEMO_CREDENTIALS,
      numbers: [...DEMO_NUMBERS, DEMO_CONVERSATIONS_NUMBER],
      chatServiceSid: chatService.sid,
      proxyServiceSid: proxyService.sid,
      workspaceSid: workspace.sid,
      workflowSid: workflow.sid,
      studioFlowSid: studioFlow.sid,
      taskChannelSids,
      whatsappSenders: [whatsappSender],
      contentTemplates,
    },
  };
}
