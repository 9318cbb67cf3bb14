import type { ConversationMessage } from '../../ports/conversation.port';
import type { OutboundSmsDependencies } from '../../outbound/outbound-dependencies';
import type { StepRecorder } from '../../outbound/step-recorder';
import { MESSAGE_LOOKUP_WINDOW, REQUEST_ID_ATTRIBUTE } from '../message-lookup';

export interface ConversationMessageStepRequest {
  conversationSid: string;
  /** Free text, or a Content template (its variables filled in). */
  body?: string;
  content?: { contentSid: string; variables: Record<string, string> };
  author: string;
}

/**
 * Posts the message to the conversation, which texts the customer. Not idempotent (a repeat texts twice), so after
 * an ambiguous failure the latest messages are searched for this request's id before posting again.
 */
export function postConversationMessage(
  deps: Pick<OutboundSmsDependencies, 'conversations' | 'retrier'>,
  steps: StepRecorder,
  request: ConversationMessageStepRequest,
): Promise<ConversationMessage> {
  return steps.run('message', async () => {
    const { conversationSid, body, author, content } = request;
    const requestId = steps.requestId;
    const message = await deps.retrier.run(
      'post Conversation message',
      () =>
        deps.conversations.postMessage(conversationSid, {
          ...(content ? { contentSid: content.contentSid, contentVariables: content.variables } : { body }),
          author,
          attributes: { [REQUEST_ID_ATTRIBUTE]: requestId },
        }),
      {
        kind: 'lookup-before-repeat',
        lookup: async () => {
          const recent = await deps.conversations.listRecentMessages(conversationSid, MESSAGE_LOOKUP_WINDOW);
          return recent.find((candidate) => candidate.attributes[REQUEST_ID_ATTRIBUTE] === requestId) ?? null;
        },
      },
    );
    return { value: message, outcome: 'created', sids: { messageSid: message.sid, conversationSid } };
  });
}
