import type { SandboxState, StateRef } from '../../core/state';
import { found } from '../../http/lookup';
import { resourceRoutes } from '../../http/resource-routes';
import type { Route, TwilioRequest } from '../../http/route';
import type { SerializeContext } from '../../http/serialize-context';
import { invalidParameter } from '../../http/twilio-error';
import { onTaskClosed } from '../flex/flex-channels.service';
import { createTask, isTaskClosed, updateTask } from './tasks.service';
import { TASK_STATUSES, type Task } from './taskrouter.store';
import { serializeTask, serializeTaskChannel, serializeWorkflow, serializeWorkspace } from './taskrouter.serializers';

function workspaceOf(state: SandboxState, request: TwilioRequest) {
  return found(state.taskrouter.workspaces.get(request.pathParams.WorkspaceSid ?? request.pathParams.Sid), request);
}

function taskBody(state: SandboxState, task: Task, ctx: SerializeContext) {
  const relations = {
    workflow: state.taskrouter.workflows.get(task.workflowSid),
    taskChannel: state.taskrouter.taskChannels.get(task.taskChannelSid),
    taskQueue: task.taskQueueSid ? state.taskrouter.taskQueues.get(task.taskQueueSid) : undefined,
    now: state.now(),
  };
  return serializeTask(task, relations, ctx);
}

function taskOf(state: SandboxState, request: TwilioRequest) {
  const workspace = workspaceOf(state, request);
  const task = state.taskrouter.tasks.get(request.pathParams.Sid);
  return found(task?.workspaceSid === workspace.sid ? task : undefined, request);
}

/** TaskRouter v1: Workspaces, Workflows, TaskChannels, Tasks. */
export function taskRouterRoutes(ref: StateRef): Route[] {
  const route = resourceRoutes(ref);
  const workspace = '/taskrouter/v1/Workspaces/:WorkspaceSid';
  return [
    route.list('/taskrouter/v1/Workspaces', (request, state) => {
      const friendlyName = request.query.string('FriendlyName');
      const workspaces = state.taskrouter.workspaces.filter((candidate) => friendlyName === undefined || candidate.friendlyName === friendlyName);
      return { key: 'workspaces', items: workspaces, collection: state.taskrouter.workspaces, serialize: serializeWorkspace };
    }),
    route.fetch('/taskrouter/v1/Workspaces/:Sid', (request, state, ctx) => serializeWorkspace(workspaceOf(state, request), ctx)),
    route.list(`${workspace}/Workflows`, (request, state) => {
      const workspaceSid = workspaceOf(state, request).sid;
      const friendlyName = request.query.string('FriendlyName');
      const workflows = state.taskrouter.workflows.filter(
        (workflow) => workflow.workspaceSid === workspaceSid && (friendlyName === undefined || workflow.friendlyName === friendlyName),
      );
      return { key: 'workflows', items: workflows, collection: state.taskrouter.workflows, serialize: serializeWorkflow };
    }),
    route.fetch(`${workspace}/Workflows/:Sid`, (request, state, ctx) => {
      const workspaceSid = workspaceOf(state, request).sid;
      const workflow = state.taskrouter.workflows.get(request.pathParams.Sid);
      return serializeWorkflow(found(workflow?.workspaceSid === workspaceSid ? workflow : undefined, request), ctx);
    }),
    route.list(`${workspace}/TaskChannels`, (request, state) => {
      const workspaceSid = workspaceOf(state, request).sid;
      const channels = state.taskrouter.taskChannels.filter((channel) => channel.workspaceSid === workspaceSid);
      return { key: 'channels', items: channels, collection: state.taskrouter.taskChannels, serialize: serializeTaskChannel };
    }),
    route.fetch(`${workspace}/TaskChannels/:Sid`, (request, state, ctx) => {
      const channel = state.taskrouter.findTaskChannel(workspaceOf(state, request).sid, request.pathParams.Sid);
      return serializeTaskChannel(found(channel, request), ctx);
    }),
    route.list(`${workspace}/Tasks`, (request, state) => {
      const workspaceSid = workspaceOf(state, request).sid;
      const statuses = request.query.list('AssignmentStatus').flatMap((value) => value.split(','));
      const workflowSid = request.query.string('WorkflowSid');
      const tasks = state.taskrouter.tasks.filter(
        (task) =>
          task.workspaceSid === workspaceSid &&
          (statuses.length === 0 || statuses.includes(task.assignmentStatus)) &&
          (workflowSid === undefined || task.workflowSid === workflowSid),
      );
      return { key: 'tasks', items: tasks, collection: state.taskrouter.tasks, serialize: (task: Task, ctx) => taskBody(state, task, ctx) };
    }),
    route.create(`${workspace}/Tasks`, (request, state, ctx) => {
      const workspaceSid = workspaceOf(state, request).sid;
      const params = request.params;
      const workflowSid = params.string('WorkflowSid');
      const workflow = workflowSid
        ? state.taskrouter.workflows.get(workflowSid)
        : state.taskrouter.workflows.find((candidate) => candidate.workspaceSid === workspaceSid);
      if (!workflow || workflow.workspaceSid !== workspaceSid) throw invalidParameter('WorkflowSid');
      const task = createTask(state, {
        workflow,
        taskChannel: params.string('TaskChannel') ?? 'default',
        attributes: params.json('Attributes'),
        priority: params.integer('Priority', { min: 0 }),
        timeout: params.integer('Timeout', { min: 1 }),
      });
      return taskBody(state, task, ctx);
    }),
    route.fetch(`${workspace}/Tasks/:Sid`, (request, state, ctx) => taskBody(state, taskOf(state, request), ctx)),
    route.update(`${workspace}/Tasks/:Sid`, (request, state, ctx) => {
      const task = taskOf(state, request);
      const params = request.params;
      const wasClosed = isTaskClosed(task);
      updateTask(state, task, {
        assignmentStatus: params.oneOf('AssignmentStatus', TASK_STATUSES),
        attributes: params.json('Attributes'),
        reason: params.string('Reason'),
        priority: params.integer('Priority', { min: 0 }),
      });
      if (!wasClosed && isTaskClosed(task)) onTaskClosed(state, task.sid);
      return taskBody(state, task, ctx);
    }),
    route.delete(`${workspace}/Tasks/:Sid`, (request, state) => {
      const task = taskOf(state, request);
      state.taskrouter.tasks.delete(task.sid);
      onTaskClosed(state, task.sid);
    }),
  ];
}
