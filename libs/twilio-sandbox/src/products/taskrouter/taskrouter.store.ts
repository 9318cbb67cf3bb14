import { Collection } from '../../core/collection';

export const TASK_STATUSES = ['pending', 'reserved', 'assigned', 'canceled', 'completed', 'wrapping'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

export interface Workspace {
  sid: string;
  friendlyName: string;
  defaultActivitySid: string;
  defaultActivityName: string;
  timeoutActivitySid: string;
  timeoutActivityName: string;
  dateCreated: Date;
  dateUpdated: Date;
}

export interface Workflow {
  sid: string;
  workspaceSid: string;
  friendlyName: string;
  configuration: string;
  taskReservationTimeout: number;
  dateCreated: Date;
  dateUpdated: Date;
}

export interface TaskChannel {
  sid: string;
  workspaceSid: string;
  uniqueName: string;
  friendlyName: string;
  channelOptimizedRouting: boolean | null;
  dateCreated: Date;
  dateUpdated: Date;
}

/** The queue a workflow routes to (not served as an endpoint; tasks name it). */
export interface TaskQueue {
  sid: string;
  workspaceSid: string;
  friendlyName: string;
}

export interface Task {
  sid: string;
  workspaceSid: string;
  workflowSid: string;
  taskChannelSid: string;
  taskQueueSid: string | null;
  attributes: string;
  assignmentStatus: TaskStatus;
  priority: number;
  reason: string | null;
  timeout: number;
  taskQueueEnteredDate: Date | null;
  dateCreated: Date;
  dateUpdated: Date;
}

export class TaskRouterStore {
  readonly workspaces = new Collection<Workspace>();
  readonly workflows = new Collection<Workflow>();
  readonly taskChannels = new Collection<TaskChannel>();
  readonly taskQueues = new Collection<TaskQueue>();
  readonly tasks = new Collection<Task>();

  /** A task channel by SID or unique name (TaskRouter accepts either for `TaskChannel`). */
  findTaskChannel(workspaceSid: string, sidOrUniqueName: string): TaskChannel | undefined {
    return this.taskChannels.find(
      (channel) => channel.workspaceSid === workspaceSid && (channel.sid === sidOrUniqueName || channel.uniqueName === sidOrUniqueName),
    );
  }
}
