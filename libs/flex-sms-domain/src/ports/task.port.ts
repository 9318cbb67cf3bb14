export type TaskAssignmentStatus = 'pending' | 'reserved' | 'assigned' | 'canceled' | 'completed' | 'wrapping';

export interface Task {
  sid: string;
  workspaceSid: string;
  assignmentStatus: TaskAssignmentStatus;
  attributes: Record<string, unknown>;
}

export interface TaskPort {
  /** `null` when the task does not exist. */
  fetchTask(workspaceSid: string, taskSid: string): Promise<Task | null>;

  /**
   * Takes the task away from routing (AssignmentStatus=canceled) so no agent is offered a conversation that
   * cannot carry SMS. A task already canceled, completed or gone is not an error.
   */
  cancelTask(workspaceSid: string, taskSid: string, reason: string): Promise<void>;
}

export interface Workspace {
  sid: string;
  friendlyName: string;
}

export interface Workflow {
  sid: string;
  workspaceSid: string;
  friendlyName: string;
}

export interface TaskChannel {
  sid: string;
  workspaceSid: string;
  /** `default`, `voice`, `chat`, `sms`, `video`, … */
  uniqueName: string;
  friendlyName: string;
}

/** TaskRouter's set-up (workspaces, workflows, task channels): read by the Flex Flow defaults and the doctor. */
export interface WorkspacePort {
  listWorkspaces(): Promise<Workspace[]>;
  /** Throws ResourceNotFound when the workspace does not exist (Twilio's 404). */
  listWorkflows(workspaceSid: string): Promise<Workflow[]>;
  /** `null` when the workspace or the workflow does not exist. */
  fetchWorkflow(workspaceSid: string, workflowSid: string): Promise<Workflow | null>;
  listTaskChannels(workspaceSid: string): Promise<TaskChannel[]>;
  /** By SID or unique name (TaskRouter accepts either); `null` when there is none. */
  fetchTaskChannel(workspaceSid: string, sidOrUniqueName: string): Promise<TaskChannel | null>;
}
