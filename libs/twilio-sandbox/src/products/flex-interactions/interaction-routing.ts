import type { SandboxState } from '../../core/state';
import { invalidParameter, missingParameter } from '../../http/twilio-error';
import { onTaskClosed } from '../flex/flex-channels.service';
import { createTask, isTaskClosed, updateTask } from '../taskrouter/tasks.service';
import type { Task, TaskStatus, Workflow } from '../taskrouter/taskrouter.store';
import { isJsonObject, type JsonObject } from '../../core/twilio-encodings';
import { attributesObject, stringField } from './interaction-json';

/** `Routing.properties` as the Interactions API reads it to create the task. */
export interface RoutingRequest {
  workflow: Workflow;
  taskChannel: string;
  attributes: JsonObject;
  priority?: number;
  timeout?: number;
  /** Kept with the interaction; the sandbox's TaskRouter has no workers to reserve the task for. */
  workerSid?: string;
}

export function readRouting(state: SandboxState, routing: JsonObject | undefined, name = 'Routing'): RoutingRequest {
  const properties = routing?.['properties'];
  if (!isJsonObject(properties)) throw missingParameter(`${name}.properties`);
  const workspaceSid = stringField(properties, 'workspace_sid');
  const workflowSid = stringField(properties, 'workflow_sid');
  if (!workspaceSid) throw missingParameter(`${name}.properties.workspace_sid`);
  if (!workflowSid) throw missingParameter(`${name}.properties.workflow_sid`);
  if (!state.taskrouter.workspaces.get(workspaceSid))
    throw invalidParameter(`${name}.properties.workspace_sid`, `${workspaceSid} is not a Workspace of the account`);
  const workflow = state.taskrouter.workflows.get(workflowSid);
  if (workflow?.workspaceSid !== workspaceSid)
    throw invalidParameter(`${name}.properties.workflow_sid`, `${workflowSid} is not a Workflow of ${workspaceSid}`);
  const number = (field: string) => (typeof properties[field] === 'number' ? (properties[field] as number) : undefined);
  return {
    workflow,
    taskChannel: stringField(properties, 'task_channel_unique_name') ?? stringField(properties, 'task_channel_sid') ?? 'default',
    attributes: attributesObject(properties['attributes'], `${name}.properties.attributes`),
    priority: number('priority'),
    timeout: number('timeout'),
    workerSid: stringField(properties, 'worker_sid'),
  };
}

/** What Flex adds to the task attributes so Flex UI finds the media: the conversation, the interaction, the invite. */
export interface FlexTaskContext {
  conversationSid: string;
  channelType: string;
  interactionSid: string;
  interactionChannelSid: string;
  inviteSid: string;
  initiatedBy: string;
  customerAddress?: string;
}

/**
 * The routing attributes go on the task "as is", with Flex's own keys beside them (as in Twilio's example
 * response: `conversationSid`, `flexInteractionSid`, `flexInteractionChannelSid`, `flexChannelInviteSid`,
 * `conversations.media`…).
 */
export function createInteractionTask(state: SandboxState, routing: RoutingRequest, context: FlexTaskContext): Task {
  const outbound = context.initiatedBy === 'agent';
  const requested = routing.attributes;
  const attributes = {
    ...(context.customerAddress ? { customerAddress: context.customerAddress } : {}),
    ...requested,
    conversationSid: context.conversationSid,
    channelType: context.channelType,
    flexInteractionSid: context.interactionSid,
    flexInteractionChannelSid: context.interactionChannelSid,
    flexChannelInviteSid: context.inviteSid,
    initiatedBy: context.initiatedBy,
    direction: outbound ? 'outbound' : 'inbound',
    conversations: {
      initiated_by: capitalize(context.initiatedBy),
      communication_channel: capitalize(context.channelType),
      media: [{ conversation_sid: context.conversationSid }],
      direction: outbound ? 'Outbound' : 'Inbound',
      ...(isJsonObject(requested['conversations']) ? requested['conversations'] : {}),
    },
  };
  return createTask(state, {
    workflow: routing.workflow,
    taskChannel: routing.taskChannel,
    attributes: JSON.stringify(attributes),
    priority: routing.priority,
    timeout: routing.timeout,
  });
}

/**
 * Ends the tasks of a closing channel: `wrapup` moves an assigned task to wrapping, `closed` completes it; a task no
 * agent has accepted yet is canceled either way (there is nobody to wrap up).
 */
export function endInteractionTask(state: SandboxState, task: Task, routingStatus: 'closed' | 'wrapup'): void {
  if (isTaskClosed(task)) return;
  let target: TaskStatus;
  if (task.assignmentStatus === 'pending' || task.assignmentStatus === 'reserved') target = 'canceled';
  else if (routingStatus === 'wrapup') target = 'wrapping';
  else target = 'completed';
  if (target === task.assignmentStatus) return;
  updateTask(state, task, { assignmentStatus: target, reason: `Interaction channel ${routingStatus}` });
  if (isTaskClosed(task)) onTaskClosed(state, task.sid);
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
