import type { Task, TaskAssignmentStatus, TaskPort } from '@flex-sms/domain';
import type twilio from 'twilio';
import { parseAttributes } from '../errors/json-attributes';
import { callTwilio, callTwilioOrNull } from '../errors/twilio-error.mapper';

/** Statuses from which TaskRouter accepts AssignmentStatus=canceled. */
const CANCELABLE: readonly TaskAssignmentStatus[] = ['pending', 'reserved'];

/** TaskRouter tasks. */
export class TwilioTaskAdapter implements TaskPort {
  constructor(private readonly client: twilio.Twilio) {}

  async fetchTask(workspaceSid: string, taskSid: string): Promise<Task | null> {
    const task = await callTwilioOrNull({ resource: 'Task', sid: taskSid }, () => this.tasks(workspaceSid)(taskSid).fetch());
    if (!task) return null;
    return {
      sid: task.sid,
      workspaceSid: task.workspaceSid,
      assignmentStatus: task.assignmentStatus as TaskAssignmentStatus,
      attributes: parseAttributes(task.attributes),
    };
  }

  async cancelTask(workspaceSid: string, taskSid: string, reason: string): Promise<void> {
    const task = await this.fetchTask(workspaceSid, taskSid);
    if (!task || !CANCELABLE.includes(task.assignmentStatus)) return;
    await callTwilio({ resource: 'Task', sid: taskSid }, () => this.tasks(workspaceSid)(taskSid).update({ assignmentStatus: 'canceled', reason }));
  }

  private tasks(workspaceSid: string) {
    return this.client.taskrouter.v1.workspaces(workspaceSid).tasks;
  }
}
