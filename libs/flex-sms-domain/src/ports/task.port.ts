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
