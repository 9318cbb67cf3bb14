import type { LiveConversation, LiveConversationPort, TaskPort } from '@flex-sms/domain';
import type { Database } from '../store/database';
import { isAnyOf } from '../store/sql-fragments';

const LIVE_TASK = new Set(['pending', 'reserved', 'assigned', 'wrapping']);

/**
 * Live conversations from the journal: the latest agent request per customer with one of the senders that answered
 * with a task, whose task Flex still holds (pending, reserved, assigned, wrapping). One query per batch, then one
 * TaskRouter fetch per customer an agent messaged: a campaign's list is mostly customers no agent has written to.
 */
export class JournalLiveConversations implements LiveConversationPort {
  constructor(
    private readonly db: Database,
    private readonly tasks: TaskPort,
  ) {}

  async liveConversations(senders: readonly string[], customers: readonly string[]): Promise<Map<string, LiveConversation>> {
    const live = new Map<string, LiveConversation>();
    if (customers.length === 0) return live;
    const rows = await this.db.query<{
      to_number: string;
      from_number: string;
      result: { task?: { sid: string; workspaceSid: string | null } } | null;
    }>(
      `SELECT to_number, from_number, result FROM outbound_request
       WHERE kind = 'agent_sms' AND status = 'succeeded' AND to_number ${isAnyOf(this.db.dialect, '$1')} AND from_number ${isAnyOf(this.db.dialect, '$2')}
       ORDER BY started_at DESC`,
      [[...customers], [...senders]],
    );
    const seen = new Set<string>();
    for (const row of rows) {
      if (seen.has(row.to_number)) continue;
      seen.add(row.to_number);
      const task = row.result?.task;
      if (!task?.workspaceSid) continue;
      const current = await this.tasks.fetchTask(task.workspaceSid, task.sid);
      if (current && LIVE_TASK.has(current.assignmentStatus))
        live.set(row.to_number, { customer: row.to_number, fromNumber: row.from_number, taskSid: task.sid });
    }
    return live;
  }
}
