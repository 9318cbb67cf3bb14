import type { FlexFlow, FlexFlowPort } from '@flex-sms/domain';
import type twilio from 'twilio';
import { callTwilio } from '../errors/twilio-error.mapper';

type FlexFlowInstance = Awaited<ReturnType<twilio.Twilio['flexApi']['v1']['flexFlow']['list']>>[number];

/** Flex Flows through Flex API v1. */
export class TwilioFlexFlowAdapter implements FlexFlowPort {
  constructor(private readonly client: twilio.Twilio) {}

  async listFlexFlows(): Promise<FlexFlow[]> {
    // Flex caps a page at 1000; an account has a handful of flows, so one page normally does.
    const flows = await callTwilio({ resource: 'Flex Flows' }, () => this.client.flexApi.v1.flexFlow.list({ pageSize: 1000 }));
    return flows.map(toFlexFlow);
  }
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
