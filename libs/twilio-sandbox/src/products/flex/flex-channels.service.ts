import { readAttributes } from '../../core/attributes';
import type { SandboxState } from '../../core/state';
import { notFound } from '../../http/twilio-error';
import { addMember, createChannel, ensureUser } from '../chat/chat.service';
import type { ChatChannel } from '../chat/chat.store';
import { createTask, isTaskClosed } from '../taskrouter/tasks.service';
import { FlexStore, type FlexChannel, type FlexFlow } from './flex.store';

export interface NewFlexChannel {
  flexFlowSid: string;
  identity: string;
  chatUserFriendlyName: string;
  chatFriendlyName: string;
  target?: string;
  chatUniqueName?: string;
  preEngagementData?: string;
  taskSid?: string;
  taskAttributes?: string;
  longLived?: boolean;
}

/** Flex marks a conversation's channel ACTIVE in its attributes and INACTIVE once the chat has ended. */
export function isChannelActive(channel: ChatChannel | undefined): channel is ChatChannel {
  return channel !== undefined && readAttributes(channel.attributes)['status'] === 'ACTIVE';
}

/**
 * Flex Channel create, as Flex does it: the ACTIVE channel already open for the same Flex Flow and target is handed
 * back; otherwise a chat user (the contact), a channel and its member are made, and then
 * - on a Task Flex Flow, a TaskRouter task on the flow's workflow and task channel, with the given TaskAttributes
 *   (Flex adds `channelSid`/`channelType`) and the task SID recorded in the channel attributes;
 * - on a Studio Flex Flow, no task: the channel gets the flow's Studio webhook, so the contact's later messages
 *   start (or continue) a Studio execution.
 */
export function createFlexChannel(state: SandboxState, input: NewFlexChannel): { channel: FlexChannel; reused: boolean } {
  const flow = state.flex.flows.get(input.flexFlowSid);
  if (!flow) throw notFound(`/v1/FlexFlows/${input.flexFlowSid}`);
  const target = input.target ?? input.identity;
  const existing = findActiveChannel(state, flow, target);
  if (existing) {
    renewTaskOfLongLivedChannel(state, flow, existing, input);
    return { channel: existing, reused: true };
  }
  const service = state.chat.services.get(flow.chatServiceSid);
  if (!service) throw notFound(`/v2/Services/${flow.chatServiceSid}`);
  const longLived = input.longLived ?? flow.longLived;
  const user = ensureUser(state, service, input.identity, input.chatUserFriendlyName);
  const chatChannel = createChannel(state, service, {
    friendlyName: input.chatFriendlyName,
    uniqueName: input.chatUniqueName,
    type: 'private',
    attributes: JSON.stringify({
      status: 'ACTIVE',
      long_lived: longLived,
      from: input.chatUserFriendlyName,
      channel_type: flow.channelType,
      ...(input.preEngagementData ? { pre_engagement_data: readAttributes(input.preEngagementData) } : {}),
    }),
  });
  addMember(state, chatChannel, service, { identity: input.identity });
  const now = state.now();
  const flexChannel = state.flex.channels.add({
    sid: chatChannel.sid,
    flexFlowSid: flow.sid,
    userSid: user.sid,
    identity: input.identity,
    target,
    taskSid: null,
    longLived,
    dateCreated: now,
    dateUpdated: now,
  });
  state.flex.channelByFlowAndTarget.set(FlexStore.targetKey(flow.sid, target), chatChannel.sid);
  if (flow.integrationType === 'task') attachTask(state, flow, flexChannel, chatChannel, input);
  if (flow.integrationType === 'studio') chatChannel.studioWebhook = { flowSid: String(flow.integration['flow_sid']) };
  return { channel: flexChannel, reused: false };
}

function findActiveChannel(state: SandboxState, flow: FlexFlow, target: string): FlexChannel | undefined {
  const sid = state.flex.channelByFlowAndTarget.get(FlexStore.targetKey(flow.sid, target));
  if (!sid) return undefined;
  const flexChannel = state.flex.channels.get(sid);
  return flexChannel && isChannelActive(state.chat.channels.get(sid)) ? flexChannel : undefined;
}

/** A long-lived channel outlives its task: a new Flex Channel request on it opens a new task for the same chat. */
function renewTaskOfLongLivedChannel(state: SandboxState, flow: FlexFlow, flexChannel: FlexChannel, input: NewFlexChannel): void {
  if (flow.integrationType !== 'task' || !flexChannel.taskSid) return;
  const task = state.taskrouter.tasks.get(flexChannel.taskSid);
  const chatChannel = state.chat.channels.get(flexChannel.sid);
  if (chatChannel && (!task || isTaskClosed(task))) attachTask(state, flow, flexChannel, chatChannel, input);
}

function attachTask(state: SandboxState, flow: FlexFlow, flexChannel: FlexChannel, chatChannel: ChatChannel, input: NewFlexChannel): void {
  let taskSid = input.taskSid;
  if (!taskSid) {
    const workflow = state.taskrouter.workflows.get(String(flow.integration['workflow_sid']));
    if (!workflow)
      throw notFound(`/v1/Workspaces/${String(flow.integration['workspace_sid'])}/Workflows/${String(flow.integration['workflow_sid'])}`);
    const attributes = {
      channelSid: chatChannel.sid,
      channelType: flow.channelType,
      name: input.chatUserFriendlyName,
      ...readAttributes(input.taskAttributes),
    };
    const task = createTask(state, {
      workflow,
      taskChannel: String(flow.integration['channel'] ?? 'default'),
      attributes: JSON.stringify(attributes),
      priority: typeof flow.integration['priority'] === 'number' ? flow.integration['priority'] : undefined,
      timeout: typeof flow.integration['timeout'] === 'number' ? flow.integration['timeout'] : undefined,
    });
    taskSid = task.sid;
  }
  flexChannel.taskSid = taskSid;
  flexChannel.dateUpdated = state.now();
  chatChannel.attributes = JSON.stringify({ ...readAttributes(chatChannel.attributes), task_sid: taskSid });
}

/**
 * The Flex channel janitor, on a task that has ended: a channel that is not long-lived is closed (INACTIVE), so the
 * next conversation with the contact gets a new channel; a long-lived one stays ACTIVE.
 */
export function onTaskClosed(state: SandboxState, taskSid: string): void {
  const flexChannel = state.flex.channelForTask(taskSid);
  if (!flexChannel || flexChannel.longLived) return;
  const flow = state.flex.flows.get(flexChannel.flexFlowSid);
  const chatChannel = state.chat.channels.get(flexChannel.sid);
  if (!flow?.janitorEnabled || !chatChannel) return;
  chatChannel.attributes = JSON.stringify({ ...readAttributes(chatChannel.attributes), status: 'INACTIVE' });
  chatChannel.dateUpdated = state.now();
}
