import { isoDate } from '../../core/dates';
import type { SerializeContext } from '../../http/serialize-context';
import type { FlexChannel, FlexFlow } from './flex.store';

export const flexFlowUrl = (ctx: SerializeContext, sid: string) => `${ctx.baseUrl}/flex-api/v1/FlexFlows/${sid}`;

/** `flex.v1.flex_flow` */
export function serializeFlexFlow(flow: FlexFlow, ctx: SerializeContext) {
  return {
    account_sid: ctx.accountSid,
    date_created: isoDate(flow.dateCreated),
    date_updated: isoDate(flow.dateUpdated),
    sid: flow.sid,
    friendly_name: flow.friendlyName,
    chat_service_sid: flow.chatServiceSid,
    channel_type: flow.channelType,
    contact_identity: flow.contactIdentity,
    enabled: flow.enabled,
    integration_type: flow.integrationType,
    integration: flow.integration,
    long_lived: flow.longLived,
    janitor_enabled: flow.janitorEnabled,
    url: flexFlowUrl(ctx, flow.sid),
  };
}

/** `flex.v1.channel` */
export function serializeFlexChannel(channel: FlexChannel, ctx: SerializeContext) {
  return {
    account_sid: ctx.accountSid,
    flex_flow_sid: channel.flexFlowSid,
    sid: channel.sid,
    user_sid: channel.userSid,
    task_sid: channel.taskSid,
    url: `${ctx.baseUrl}/flex-api/v1/Channels/${channel.sid}`,
    date_created: isoDate(channel.dateCreated),
    date_updated: isoDate(channel.dateUpdated),
  };
}
