import type { FlexFlow, FlexFlowChanges, FlexFlowManagementPort, FlexFlowSettings } from '@flex-sms/domain';
import type twilio from 'twilio';
import { callTwilio, callTwilioOrNull } from '../errors/twilio-error.mapper';

type FlexFlowInstance = Awaited<ReturnType<twilio.Twilio['flexApi']['v1']['flexFlow']['list']>>[number];

type FlexFlowCreateOptions = Parameters<twilio.Twilio['flexApi']['v1']['flexFlow']['create']>[0];

/** Flex Flows through Flex API v1. */
export class TwilioFlexFlowAdapter implements FlexFlowManagementPort {
  constructor(private readonly client: twilio.Twilio) {}

  async listFlexFlows(): Promise<FlexFlow[]> {
    // Flex caps a page at 1000; an account has a handful of flows, so one page normally does.
    const flows = await callTwilio({ resource: 'Flex Flows' }, () => this.client.flexApi.v1.flexFlow.list({ pageSize: 1000 }));
    return flows.map(toFlexFlow);
  }

  async fetchFlexFlow(sid: string): Promise<FlexFlow | null> {
    const flow = await callTwilioOrNull({ resource: 'Flex Flow', sid }, () => this.client.flexApi.v1.flexFlow(sid).fetch());
    return flow ? toFlexFlow(flow) : null;
  }

  async createFlexFlow(settings: FlexFlowSettings): Promise<FlexFlow> {
    const flow = await callTwilio({ resource: 'Flex Flow', sid: settings.contactIdentity }, () =>
      this.client.flexApi.v1.flexFlow.create(toFlexFlowParams(settings) as unknown as FlexFlowCreateOptions),
    );
    return toFlexFlow(flow);
  }

  async updateFlexFlow(sid: string, changes: FlexFlowChanges): Promise<FlexFlow> {
    const flow = await callTwilio({ resource: 'Flex Flow', sid }, () => this.client.flexApi.v1.flexFlow(sid).update(toFlexFlowParams(changes)));
    return toFlexFlow(flow);
  }

  async removeFlexFlow(sid: string): Promise<void> {
    await callTwilioOrNull({ resource: 'Flex Flow', sid }, () => this.client.flexApi.v1.flexFlow(sid).remove());
  }
}

/** The SDK's parameters (`integration.flowSid` → `Integration.FlowSid` on the wire); absent values are not sent. */
function toFlexFlowParams(settings: FlexFlowChanges): Record<string, unknown> {
  const integration = settings.integration ?? {};
  const params: Record<string, unknown> = {
    friendlyName: settings.friendlyName,
    chatServiceSid: settings.chatServiceSid,
    channelType: settings.channelType,
    contactIdentity: settings.contactIdentity,
    enabled: settings.enabled,
    integrationType: settings.integrationType,
    'integration.flowSid': integration.flowSid,
    'integration.workspaceSid': integration.workspaceSid,
    'integration.workflowSid': integration.workflowSid,
    'integration.channel': integration.channel,
    longLived: settings.longLived,
    janitorEnabled: settings.janitorEnabled,
  };
  return Object.fromEntries(Object.entries(params).filter(([, value]) => value !== undefined));
}

export function toFlexFlow(flow: FlexFlowInstance): FlexFlow {
  const integration = (flow.integration ?? {}) as Record<string, unknown>;
  const text = (key: string) => (typeof integration[key] === 'string' ? (integration[key] as string) : undefined);
  return {
    sid: flow.sid,
    friendlyName: flow.friendlyName,
    chatServiceSid: flow.chatServiceSid,
    channelType: flow.channelType,
    contactIdentity: flow.contactIdentity,
    enabled: flow.enabled,
    integrationType: flow.integrationType,
    integration: {
      workspaceSid: text('workspace_sid'),
      workflowSid: text('workflow_sid'),
      channel: text('channel'),
      flowSid: text('flow_sid'),
    },
    longLived: flow.longLived,
    janitorEnabled: flow.janitorEnabled,
  };
}
