import { isoDate } from '../../core/dates';
import type { SerializeContext } from '../../http/serialize-context';
import { links } from '../../http/urls';
import type { StudioExecution, StudioFlow } from './studio.store';

const flowUrl = (ctx: SerializeContext, sid: string) => `${ctx.baseUrl}/studio/v2/Flows/${sid}`;

/** `studio.v2.flow`; `webhook_url` is where Twilio posts incoming messages for the flow. */
export function serializeStudioFlow(flow: StudioFlow, ctx: SerializeContext) {
  const url = flowUrl(ctx, flow.sid);
  return {
    sid: flow.sid,
    account_sid: ctx.accountSid,
    friendly_name: flow.friendlyName,
    definition: flow.definition,
    status: flow.status,
    revision: flow.revision,
    commit_message: flow.commitMessage,
    valid: true,
    errors: [],
    warnings: [],
    date_created: isoDate(flow.dateCreated),
    date_updated: isoDate(flow.dateUpdated),
    webhook_url: `${ctx.baseUrl}/webhooks/v1/Accounts/${ctx.accountSid}/Flows/${flow.sid}`,
    url,
    links: links(url, { test_users: 'TestUsers', revisions: 'Revisions', executions: 'Executions' }),
  };
}

/** `studio.v2.flow.execution` */
export function serializeExecution(execution: StudioExecution, ctx: SerializeContext) {
  const url = `${flowUrl(ctx, execution.flowSid)}/Executions/${execution.sid}`;
  return {
    sid: execution.sid,
    account_sid: ctx.accountSid,
    flow_sid: execution.flowSid,
    contact_channel_address: execution.contactChannelAddress,
    context: execution.context,
    status: execution.status,
    date_created: isoDate(execution.dateCreated),
    date_updated: isoDate(execution.dateUpdated),
    url,
    links: links(url, { steps: 'Steps', execution_context: 'Context' }),
  };
}
