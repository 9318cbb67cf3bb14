import { isoDate } from '../../core/dates';
import type { SerializeContext } from '../../http/serialize-context';
import { links } from '../../http/urls';
import type { Task, TaskChannel, TaskQueue, Workflow, Workspace } from './taskrouter.store';

const workspaceUrl = (ctx: SerializeContext, sid: string) => `${ctx.baseUrl}/taskrouter/v1/Workspaces/${sid}`;

/** `taskrouter.v1.workspace` */
export function serializeWorkspace(workspace: Workspace, ctx: SerializeContext) {
  const url = workspaceUrl(ctx, workspace.sid);
  return {
    account_sid: ctx.accountSid,
    date_created: isoDate(workspace.dateCreated),
    date_updated: isoDate(workspace.dateUpdated),
    default_activity_name: workspace.defaultActivityName,
    default_activity_sid: workspace.defaultActivitySid,
    event_callback_url: null,
    events_filter: null,
    friendly_name: workspace.friendlyName,
    multi_task_enabled: true,
    sid: workspace.sid,
    timeout_activity_name: workspace.timeoutActivityName,
    timeout_activity_sid: workspace.timeoutActivitySid,
    prioritize_queue_order: 'FIFO',
    url,
    links: links(url, {
      activities: 'Activities',
      events: 'Events',
      task_channels: 'TaskChannels',
      task_queues: 'TaskQueues',
      tasks: 'Tasks',
      workers: 'Workers',
      workflows: 'Workflows',
      statistics: 'Statistics',
    }),
  };
}

/** `taskrouter.v1.workspace.workflow` */
export function serializeWorkflow(workflow: Workflow, ctx: SerializeContext) {
  const url = `${workspaceUrl(ctx, workflow.workspaceSid)}/Workflows/${workflow.sid}`;
  return {
    account_sid: ctx.accountSid,
    assignment_callback_url: null,
    configuration: workflow.configuration,
    date_created: isoDate(workflow.dateCreated),
    date_updated: isoDate(workflow.dateUpdated),
    document_content_type: 'application/json',
    fallback_assignment_callback_url: null,
    friendly_name: workflow.friendlyName,
    sid: workflow.sid,
    task_reservation_timeout: workflow.taskReservationTimeout,
    workspace_sid: workflow.workspaceSid,
    url,
    links: links(url, { statistics: 'Statistics', real_time_statistics: 'RealTimeStatistics', cumulative_statistics: 'CumulativeStatistics' }),
  };
}

/** `taskrouter.v1.workspace.task_channel` */
export function serializeTaskChannel(channel: TaskChannel, ctx: SerializeContext) {
  return {
    account_sid: ctx.accountSid,
    date_created: isoDate(channel.dateCreated),
    date_updated: isoDate(channel.dateUpdated),
    friendly_name: channel.friendlyName,
    sid: channel.sid,
    unique_name: channel.uniqueName,
    workspace_sid: channel.workspaceSid,
    channel_optimized_routing: channel.channelOptimizedRouting,
    url: `${workspaceUrl(ctx, channel.workspaceSid)}/TaskChannels/${channel.sid}`,
    links: { workspace: workspaceUrl(ctx, channel.workspaceSid) },
  };
}

export interface TaskRelations {
  workflow?: Workflow;
  taskChannel?: TaskChannel;
  taskQueue?: TaskQueue;
  now: Date;
}

/** `taskrouter.v1.workspace.task`; `age` is seconds since creation, as TaskRouter reports it. */
export function serializeTask(task: Task, relations: TaskRelations, ctx: SerializeContext) {
  const url = `${workspaceUrl(ctx, task.workspaceSid)}/Tasks/${task.sid}`;
  return {
    account_sid: ctx.accountSid,
    age: Math.max(0, Math.floor((relations.now.getTime() - task.dateCreated.getTime()) / 1000)),
    assignment_status: task.assignmentStatus,
    attributes: task.attributes,
    addons: '{}',
    date_created: isoDate(task.dateCreated),
    date_updated: isoDate(task.dateUpdated),
    task_queue_entered_date: isoDate(task.taskQueueEnteredDate),
    priority: task.priority,
    reason: task.reason,
    sid: task.sid,
    task_queue_sid: task.taskQueueSid,
    task_queue_friendly_name: relations.taskQueue?.friendlyName ?? null,
    task_channel_sid: task.taskChannelSid,
    task_channel_unique_name: relations.taskChannel?.uniqueName ?? null,
    timeout: task.timeout,
    workflow_sid: task.workflowSid,
    workflow_friendly_name: relations.workflow?.friendlyName ?? null,
    workspace_sid: task.workspaceSid,
    url,
    links: links(url, { reservations: 'Reservations' }),
    virtual_start_time: isoDate(task.dateCreated),
    ignore_capacity: false,
    routing_target: null,
  };
}
