import type { OutboundRequestKind, OutboundRequestStatus } from '@flex-sms/domain';

/** sends_total's `flow`: the agent flow (a task for an agent) or the system flow (fire-and-forget). */
export const FLOW_LABEL: Record<OutboundRequestKind, string> = { agent_sms: 'agent', system_sms: 'system' };

/** sends_total's `mode` of a send the API refused before it reached the journal, so before any mode applied to it. */
export const NO_MODE = 'none';

/** sends_total's `outcome`: the journal's (succeeded, failed, rolled_back), or `refused` before the journal. */
export type SendOutcome = Exclude<OutboundRequestStatus, 'in_flight'> | 'refused';

/** sends_total's `channel`: what the request asked for (`sms` unless it said `whatsapp`); anything else is `sms`, the default, so a hostile value cannot add series. */
export function channelLabelOf(channel: unknown): 'sms' | 'whatsapp' {
  return channel === 'whatsapp' ? 'whatsapp' : 'sms';
}
