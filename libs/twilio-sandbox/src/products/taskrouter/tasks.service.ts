import { TwilioError, invalidParameter } from '../../http/twilio-error';
import type { SandboxState } from '../../core/state';
import type { Task, TaskStatus, Workflow } from './taskrouter.store';

/** TaskRouter's default task timeout: 86,400 seconds (24 hours). */
export const DEFAULT_TASK_TIMEOUT = 86_400;

export interface NewTask {
  workflow: Workflow;
  taskChannel: string;
  attributes?: string;
  priority?: number;
  timeout?: number;
}

export function createTask(state: SandboxState, input: NewTask): Task {
  const channel = state.taskrouter.findTaskChannel(input.workflow.workspaceSid, input.taskChannel);
  if (!channel) throw invalidParameter('TaskChannel', `${input.taskChannel} is not a TaskChannel of the workspace`);
  const queue = state.taskrouter.taskQueues.find((candidate) => candidate.workspaceSid === input.workflow.workspaceSid);
  const now = state.now();
  return state.taskrouter.tasks.add({
    sid: state.sid('WT'),
    workspaceSid: input.workflow.workspaceSid,
    workflowSid: input.workflow.sid,
    taskChannelSid: channel.sid,
    taskQueueSid: queue?.sid ?? null,
    attributes: input.attributes ?? '{}',
    assignmentStatus: 'pending',
    priority: input.priority ?? 0,
    reason: null,
    timeout: input.timeout ?? DEFAULT_TASK_TIMEOUT,
    taskQueueEnteredDate: queue ? now : null,
    dateCreated: now,
    dateUpdated: now,
  });
}

/**
 * The transitions TaskRouter allows through the REST API: cancel a task not yet assigned, wrap up an assigned one,
 * complete an assigned or wrapping one. (Reserving and assigning is the work of TaskRouter and its workers.)
 */
const ALLOWED_FROM: Partial<Record<TaskStatus, TaskStatus[]>> = {
  canceled: ['pending', 'reserved'],
  wrapping: ['assigned'],
  completed: ['assigned', 'wrapping'],
};

export interface TaskChanges {
  assignmentStatus?: TaskStatus;
  attributes?: string;
  reason?: string;
  priority?: number;
}

export function isTaskClosed(task: Task): boolean {
  return task.assignmentStatus === 'canceled' || task.assignmentStatus === 'completed';
}

export function updateTask(state: SandboxState, task: Task, changes: TaskChanges): Task {
  const target = changes.assignmentStatus;
  if (target && target !== task.assignmentStatus) {
    const allowed = ALLOWED_FROM[target];
    if (!allowed?.includes(task.assignmentStatus)) {
      throw new TwilioError(400, 20001, `Task cannot be changed from ${task.assignmentStatus} to ${target}`);
    }
    task.assignmentStatus = target;
  }
  if (changes.attributes !== undefined) task.attributes = changes.attributes;
  if (changes.reason !== undefined) task.reason = changes.reason;
  if (changes.priority !== undefined) task.priority = changes.priority;
  task.dateUpdated = state.now();
  return task;
}
