import type { TaskChannel, Workflow, Workspace, WorkspacePort } from '@flex-sms/domain';
import type twilio from 'twilio';
import { callTwilio, callTwilioOrNull } from '../errors/twilio-error.mapper';

/** A Flex account has one workspace with a few workflows and task channels; this bounds a runaway list. */
const SETUP_LIST_LIMIT = 200;

/** TaskRouter's set-up: workspaces, workflows, task channels. */
export class TwilioWorkspaceAdapter implements WorkspacePort {
  constructor(private readonly client: twilio.Twilio) {}

  async listWorkspaces(): Promise<Workspace[]> {
    const workspaces = await callTwilio({ resource: 'Workspaces' }, () => this.client.taskrouter.v1.workspaces.list({ limit: SETUP_LIST_LIMIT }));
    return workspaces.map((workspace) => ({ sid: workspace.sid, friendlyName: workspace.friendlyName }));
  }

  async listWorkflows(workspaceSid: string): Promise<Workflow[]> {
    const workflows = await callTwilio({ resource: 'Workflows', sid: workspaceSid }, () =>
      this.workspace(workspaceSid).workflows.list({ limit: SETUP_LIST_LIMIT }),
    );
    return workflows.map((workflow) => ({ sid: workflow.sid, workspaceSid: workflow.workspaceSid, friendlyName: workflow.friendlyName }));
  }

  async fetchWorkflow(workspaceSid: string, workflowSid: string): Promise<Workflow | null> {
    const workflow = await callTwilioOrNull({ resource: 'Workflow', sid: workflowSid }, () =>
      this.workspace(workspaceSid).workflows(workflowSid).fetch(),
    );
    return workflow ? { sid: workflow.sid, workspaceSid: workflow.workspaceSid, friendlyName: workflow.friendlyName } : null;
  }

  async listTaskChannels(workspaceSid: string): Promise<TaskChannel[]> {
    const channels = await callTwilio({ resource: 'TaskChannels', sid: workspaceSid }, () =>
      this.workspace(workspaceSid).taskChannels.list({ limit: SETUP_LIST_LIMIT }),
    );
    return channels.map(toTaskChannel);
  }

  async fetchTaskChannel(workspaceSid: string, sidOrUniqueName: string): Promise<TaskChannel | null> {
    const channel = await callTwilioOrNull({ resource: 'TaskChannel', sid: sidOrUniqueName }, () =>
      this.workspace(workspaceSid).taskChannels(sidOrUniqueName).fetch(),
    );
    return channel ? toTaskChannel(channel) : null;
  }

  private workspace(workspaceSid: string) {
    return this.client.taskrouter.v1.workspaces(workspaceSid);
  }
}

function toTaskChannel(channel: { sid: string; workspaceSid: string; uniqueName: string; friendlyName: string }): TaskChannel {
  return { sid: channel.sid, workspaceSid: channel.workspaceSid, uniqueName: channel.uniqueName, friendlyName: channel.friendlyName };
}
