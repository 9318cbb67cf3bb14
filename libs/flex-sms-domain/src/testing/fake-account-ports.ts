import { ResourceNotFound } from '../errors';
import type { ChatService, FlexChannel } from '../ports/chat-channel.port';
import type { AddressConfiguration } from '../ports/conversation.port';
import type { FlexFlow, FlexFlowChanges, FlexFlowSettings } from '../ports/flex-flow.port';
import type { IncomingPhoneNumber } from '../ports/phone-number.port';
import type { ProxyPoolNumber, ProxyService } from '../ports/proxy-session.port';
import type { StudioFlow } from '../ports/studio-flow.port';
import type { TaskChannel, Workflow, Workspace } from '../ports/task.port';
import type { TwilioPorts } from '../ports/twilio-ports.port';
import { FakeClock } from './fake-clock';
import { FAKE_CHAT_SERVICE, FAKE_WORKSPACE, FakeTwilio } from './fake-twilio';

export const FAKE_STUDIO_FLOW = 'FW' + '0'.repeat(31) + '1';
export const FAKE_WORKFLOW = 'WW' + '0'.repeat(31) + '1';
export const FAKE_PROXY_SERVICE = 'KS' + '0'.repeat(31) + '1';
export const TASK_CHANNELS: TaskChannel[] = ['default', 'voice', 'chat', 'sms'].map((uniqueName, index) => ({
  sid: `TC${String(index + 1).padStart(32, '0')}`,
  workspaceSid: FAKE_WORKSPACE,
  uniqueName,
  friendlyName: uniqueName,
}));

/**
 * The account set-up behind the set-up and housekeeping ports, in memory, on top of FakeTwilio (flows, channels,
 * sessions): a Chat Service, one workspace with one workflow and the four task channels, the Proxy Service and its
 * pool, the account's numbers.
 */
export class FakeAccount {
  readonly clock = new FakeClock();
  readonly twilio = new FakeTwilio(this.clock);
  chatServices: ChatService[] = [{ sid: FAKE_CHAT_SERVICE, friendlyName: 'Flex Chat Service' }];
  workspaces: Workspace[] = [{ sid: FAKE_WORKSPACE, friendlyName: 'Flex Task Assignment' }];
  studioFlows: StudioFlow[] = [{ sid: FAKE_STUDIO_FLOW, friendlyName: 'Messaging Flow' }];
  workflows: Workflow[] = [{ sid: FAKE_WORKFLOW, workspaceSid: FAKE_WORKSPACE, friendlyName: 'Assign to Anyone' }];
  taskChannels: TaskChannel[] = TASK_CHANNELS.map((channel) => ({ ...channel }));
  proxyService: ProxyService | null = { sid: FAKE_PROXY_SERVICE, uniqueName: 'Flex Proxy Service', chatInstanceSid: FAKE_CHAT_SERVICE };
  pool: ProxyPoolNumber[] = [];
  numbers: IncomingPhoneNumber[] = [];
  flexChannels: FlexChannel[] = [];
  addressConfigurations: AddressConfiguration[] = [];
  private sequence = 0;

  addNumber(phoneNumber: string): void {
    const sid = `PN${String(++this.sequence).padStart(32, '0')}`;
    this.numbers.push({ sid, phoneNumber, friendlyName: phoneNumber, smsCapable: true });
    this.pool.push({ sid, phoneNumber, isReserved: false, inUse: 0 });
  }

  /** Both flows for the number, as Flex and the README set them up. */
  addFlowsFor(phoneNumber: string): { studio: FlexFlow; task: FlexFlow } {
    const studio = this.twilio.addFlow({ contactIdentity: phoneNumber, integrationType: 'studio', integration: { flowSid: FAKE_STUDIO_FLOW } });
    const task = this.twilio.addFlow({
      contactIdentity: phoneNumber,
      integrationType: 'task',
      integration: { workspaceSid: FAKE_WORKSPACE, workflowSid: FAKE_WORKFLOW, channel: TASK_CHANNELS[2].sid },
    });
    return { studio, task };
  }

  ports(): TwilioPorts {
    const base = this.twilio.ports();
    const flows = this.twilio.flows;
    return {
      flexFlows: {
        ...base.flexFlows,
        fetchFlexFlow: async (sid) => structuredClone(flows.find((flow) => flow.sid === sid) ?? null),
        createFlexFlow: async (settings: FlexFlowSettings) => structuredClone(this.twilio.addFlow({ ...settings })),
        updateFlexFlow: async (sid, changes: FlexFlowChanges) => {
          const flow = flows.find((candidate) => candidate.sid === sid);
          if (!flow) throw new Error(`no flow ${sid}`);
          const { integration, ...rest } = changes;
          Object.assign(flow, rest, integration ? { integration: { ...flow.integration, ...integration } } : {});
          return structuredClone(flow);
        },
        removeFlexFlow: async (sid) => {
          const index = flows.findIndex((flow) => flow.sid === sid);
          if (index >= 0) flows.splice(index, 1);
        },
      },
      chatServices: {
        fetchChatService: async (sid) => this.chatServices.find((service) => service.sid === sid) ?? null,
        listFlexChannels: async ({ pageSize, pageToken }) => {
          const start = pageToken ? Number(pageToken) : 0;
          const items = this.flexChannels.slice(start, start + pageSize);
          return { items, nextPageToken: start + pageSize < this.flexChannels.length ? String(start + pageSize) : null };
        },
      },
      chatChannels: base.chatChannels,
      messages: base.messages,
      proxyService: {
        fetchService: async () => this.proxyService,
        listPoolNumbers: async () => this.pool.map((number) => ({ ...number })),
        listSessions: async ({ pageSize, pageToken }) => {
          const sessions = [...this.twilio.sessions.values()].map(({ session }) => structuredClone(session));
          const start = pageToken ? Number(pageToken) : 0;
          return {
            items: sessions.slice(start, start + pageSize),
            nextPageToken: start + pageSize < sessions.length ? String(start + pageSize) : null,
          };
        },
      },
      proxySessions: base.proxySessions,
      tasks: base.tasks,
      workspaces: {
        listWorkspaces: async () => this.workspaces.map((workspace) => ({ ...workspace })),
        listWorkflows: async (workspaceSid) => {
          // As Twilio: the workflows of a workspace that does not exist are a 404, not an empty list.
          if (!this.workspaces.some((workspace) => workspace.sid === workspaceSid)) throw new ResourceNotFound('Workflows', workspaceSid, 20404);
          return this.workflows.filter((workflow) => workflow.workspaceSid === workspaceSid);
        },
        fetchWorkflow: async (workspaceSid, sid) =>
          this.workflows.find((workflow) => workflow.workspaceSid === workspaceSid && workflow.sid === sid) ?? null,
        listTaskChannels: async (workspaceSid) => this.taskChannels.filter((channel) => channel.workspaceSid === workspaceSid),
        fetchTaskChannel: async (workspaceSid, wanted) =>
          this.taskChannels.find((channel) => channel.workspaceSid === workspaceSid && (channel.sid === wanted || channel.uniqueName === wanted)) ??
          null,
      },
      studioFlows: { fetchStudioFlow: async (sid) => this.studioFlows.find((flow) => flow.sid === sid) ?? null },
      phoneNumbers: { findIncomingPhoneNumber: async (e164) => this.numbers.find((number) => number.phoneNumber === e164) ?? null },
      addressConfigurations: {
        findSmsAddressConfiguration: async (address) =>
          structuredClone(
            this.addressConfigurations.find((configuration) => configuration.type === 'sms' && configuration.address === address) ?? null,
          ),
        listAddressConfigurations: async () => structuredClone(this.addressConfigurations),
      },
      conversations: this.twilio.conversations.conversationPort,
      interactions: this.twilio.conversations.interactionPort,
      // An account with no Content templates: the use cases over these ports never send by template.
      content: { listContentAndApprovals: async () => [] },
    };
  }
}
