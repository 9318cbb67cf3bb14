import type { SandboxState } from '../../core/state';
import { StudioStore, type StudioExecution, type StudioFlow } from './studio.store';

export interface IncomingMessageTrigger {
  from: string;
  to: string;
  body: string;
  channelSid?: string;
  messageSid?: string;
}

/**
 * A customer message reaching a Studio flow: Studio runs one execution per contact and flow, so the message joins
 * the contact's active execution when there is one and starts a new execution otherwise.
 */
export function triggerExecution(state: SandboxState, flow: StudioFlow, trigger: IncomingMessageTrigger): StudioExecution {
  const key = StudioStore.key(flow.sid, trigger.from);
  const activeSid = state.studio.activeExecutionByContact.get(key);
  const active = activeSid ? state.studio.executions.get(activeSid) : undefined;
  const now = state.now();
  if (active && active.status === 'active') {
    active.context = { ...active.context, trigger: { message: messageContext(trigger) } };
    active.dateUpdated = now;
    return active;
  }
  const execution = state.studio.executions.add({
    sid: state.sid('FN'),
    flowSid: flow.sid,
    contactChannelAddress: trigger.from,
    context: { flow: { flow_sid: flow.sid, channel: { address: trigger.to } }, trigger: { message: messageContext(trigger) }, widgets: {} },
    status: 'active',
    dateCreated: now,
    dateUpdated: now,
  });
  state.studio.activeExecutionByContact.set(key, execution.sid);
  return execution;
}

function messageContext(trigger: IncomingMessageTrigger): Record<string, unknown> {
  return {
    ChannelSid: trigger.channelSid ?? null,
    Body: trigger.body,
    From: trigger.from,
    To: trigger.to,
    MessageSid: trigger.messageSid ?? null,
  };
}
