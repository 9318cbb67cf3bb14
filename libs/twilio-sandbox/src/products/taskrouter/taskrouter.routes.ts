import type { SandboxState, StateRef } from '../../core/state';
import { found } from '../../http/lookup';
import { listPage } from '../../http/paging';
import { created, noContent, ok, type Route, type TwilioRequest } from '../../http/route';
import { serializeContext, type SerializeContext } from '../../http/serialize-context';
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
  return [
    {
      method: 'GET',
      pattern: '/taskrouter/v1/Workspaces',
      handler: (request) => {
        const state = ref.current;
        const friendlyName = request.query.string('FriendlyName');
        const workspaces = state.taskrouter.workspaces.filter((workspace) => friendlyName === undefined || workspace.friendlyName === friendlyName);
        const ctx = serializeContext(state, request);
        return ok(listPage(request, workspaces, { key: 'workspaces', serialize: (workspace) => serializeWorkspace(workspace, ctx), sequenceOf: (sid) => state.taskrouter.workspaces.sequenceOf(sid) }));
      },
    },
    {
      method: 'GET',
      pattern: '/taskrouter/v1/Workspaces/:Sid',
      handler: (request) => ok(serializeWorkspace(workspaceOf(ref.current, request), serializeContext(ref.current, request))),
    },
    {
      method: 'GET',
      pattern: '/taskrouter/v1/Workspaces/:WorkspaceSid/Workflows',
      handler: (request) => {
        const state = ref.current;
        const workspace = workspaceOf(state, request);
        const friendlyName = request.query.string('FriendlyName');
        const workflows = state.taskrouter.workflows.filter((workflow) => workflow.workspaceSid === workspace.sid && (friendlyName === undefined || workflow.friendlyName === friendlyName));
        const ctx = serializeContext(state, request);
        return ok(listPage(request, workflows, { key: 'workflows', serialize: (workflow) => serializeWorkflow(workflow, ctx), sequenceOf: (sid) => state.taskrouter.workflows.sequenceOf(sid) }));
      },
    },
    {
      method: 'GET',
      pattern: '/taskrouter/v1/Workspaces/:WorkspaceSid/Workflows/:Sid',
      handler: (request) => {
        const workspace = workspaceOf(ref.current, request);
        const workflow = ref.current.taskrouter.workflows.get(request.pathParams.Sid);
        return ok(serializeWorkflow(found(workflow?.workspaceSid === workspace.sid ? workflow : undefined, request), serializeContext(ref.current, request)));
      },
    },
    {
      method: 'GET',
      pattern: '/taskrouter/v1/Workspaces/:WorkspaceSid/TaskChannels',
      handler: (request) => {
        const state = ref.current;
        const workspace = workspaceOf(state, request);
        const channels = state.taskrouter.taskChannels.filter((channel) => channel.workspaceSid === workspace.sid);
        const ctx = serializeContext(state, request);
        return ok(listPage(request, channels, { key: 'channels', serialize: (channel) => serializeTaskChannel(channel, ctx), sequenceOf: (sid) => state.taskrouter.taskChannels.sequenceOf(sid) }));
      },
    },
    {
      method: 'GET',
      pattern: '/taskrouter/v1/Workspaces/:WorkspaceSid/TaskChannels/:Sid',
      handler: (request) => {
        const workspace = workspaceOf(ref.current, request);
        const channel = ref.current.taskrouter.findTaskChannel(workspace.sid, request.pathParams.Sid);
        return ok(serializeTaskChannel(found(channel, request), serializeContext(ref.current, request)));
      },
    },
    {
      method: 'GET',
      pattern: '/taskrouter/v1/Workspaces/:WorkspaceSid/Tasks',
      handler: (request) => {
        const state = ref.current;
        const workspace = workspaceOf(state, request);
        const statuses = request.query.list('AssignmentStatus').flatMap((value) => value.split(','));
        const workflowSid = request.query.string('WorkflowSid');
        const tasks = state.taskrouter.tasks.filter(
          (task) =>
            task.workspaceSid === workspace.sid &&
            (statuses.length === 0 || statuses.includes(task.assignmentStatus)) &&
            (workflowSid === undefined || task.workflowSid === workflowSid),
        );
        const ctx = serializeContext(state, request);
        return ok(listPage(request, tasks, { key: 'tasks', serialize: (task) => taskBody(state, task, ctx), sequenceOf: (sid) => state.taskrouter.tasks.sequenceOf(sid) }));
      },
    },
    {
      method: 'POST',
      pattern: '/taskrouter/v1/Workspaces/:WorkspaceSid/Tasks',
      handler: (request) => {
        const state = ref.current;
        const workspace = workspaceOf(state, request);
        const params = request.params;
        const workflowSid = params.string('WorkflowSid');
        const workflow = workflowSid
          ? state.taskrouter.workflows.get(workflowSid)
          : state.taskrouter.workflows.find((candidate) => candidate.workspaceSid === workspace.sid);
        if (!workflow || workflow.workspaceSid !== workspace.sid) throw invalidParameter('WorkflowSid');
        const task = createTask(state, {
          workflow,
          taskChannel: params.string('TaskChannel') ?? 'default',
          attributes: params.json('Attributes'),
          priority: params.integer('Priority', { min: 0 }),
          timeout: params.integer('Timeout', { min: 1 }),
        });
        return created(taskBody(state, task, serializeContext(state, request)));
      },
    },
    {
      method: 'GET',
      pattern: '/taskrouter/v1/Workspaces/:WorkspaceSid/Tasks/:Sid',
      handler: (request) => ok(taskBody(ref.current, taskOf(ref.current, request), serializeContext(ref.current, request))),
    },
    {
      method: 'POST',
      pattern: '/taskrouter/v1/Workspaces/:WorkspaceSid/Tasks/:Sid',
      handler: (request) => {
        const state = ref.current;
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
        return ok(taskBody(state, task, serializeContext(state, request)));
      },
    },
    {
      method: 'DELETE',
      pattern: '/taskrouter/v1/Workspaces/:WorkspaceSid/Tasks/:Sid',
      handler: (request) => {
        const state = ref.current;
        const task = taskOf(state, request);
        state.taskrouter.tasks.delete(task.sid);
        onTaskClosed(state, task.sid);
        return noContent();
      },
    },
  ];
}
