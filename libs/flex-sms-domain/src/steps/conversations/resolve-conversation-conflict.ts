import { ConversationConflict, type ConversationAddressInUse } from '../../errors';
import type { Conversation } from '../../ports/conversation.port';
import { IDEMPOTENT } from '../../retry/twilio-retrier';
import type { PhoneNumber } from '../../value-objects/phone-number.value-object';
import type { OutboundSmsDependencies } from '../../outbound/outbound-dependencies';

export interface ConversationConflictContext {
  fromNumber: PhoneNumber;
  toNumber: PhoneNumber;
  /** Where Flex creates the number's tasks; `undefined` when the number has no Task Flex Flow (no task can hold it). */
  workspaceSid: () => Promise<string | undefined>;
}

type Deps = Pick<OutboundSmsDependencies, 'conversations' | 'interactions' | 'retrier'>;

/**
 * Conversations refused the customer's pair because another conversation holds it (50416). That conversation is
 * the customer's thread with this number: it is reused when no agent's task holds it, otherwise the request stops
 * with `ConversationConflict` naming the task, for a person to act on.
 */
export async function reusableConversation(deps: Deps, context: ConversationConflictContext, error: ConversationAddressInUse): Promise<Conversation> {
  const conflict = { customerNumber: context.toNumber.e164, proxyNumber: context.fromNumber.e164 };
  const holderSid = error.conversationSid;
  if (!holderSid) throw new ConversationConflict(conflict, error.twilioCode);

  const holder = await deps.retrier.run('fetch Conversation', () => deps.conversations.fetchConversation(holderSid), IDEMPOTENT);
  // Gone or closed since Twilio refused: nothing to continue, and the caller's retry will find the pair free.
  if (!holder || holder.state === 'closed') throw new ConversationConflict({ ...conflict, conversationSid: holderSid }, error.twilioCode);

  const workspaceSid = await context.workspaceSid();
  if (workspaceSid) {
    const tasks = await deps.retrier.run(
      'list the conversation open tasks',
      () => deps.interactions.listOpenTasksOfConversation(workspaceSid, holder.sid),
      IDEMPOTENT,
    );
    const [task] = tasks;
    if (task) {
      throw new ConversationConflict(
        { ...conflict, conversationSid: holder.sid, taskSid: task.sid, taskStatus: task.assignmentStatus },
        error.twilioCode,
      );
    }
  }
  return holder;
}
