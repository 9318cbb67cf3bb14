import type { SandboxState } from '../../core/state';
import { renderFor, type ContentForSend } from '../content/content-send';
import { conversationClosed } from './conversations.errors';
import { recordActivity, settleTimers } from './conversations.service';
import type { Conversation, ConversationMessage, ConversationParticipant } from './conversations.store';

export interface NewConversationMessage {
  /** An identity, a participant's address, or nothing (Conversations then writes `system`). */
  author?: string;
  body?: string;
  attributes?: string;
  /** The Content template it is sent as: `Body` is then ignored ("if this field is set, `Body` and `MediaSid` parameters are ignored"). */
  content?: ContentForSend;
}

/** The participant a message author names: a chat identity or an SMS participant's own address. */
export function participantForAuthor(state: SandboxState, conversationSid: string, author: string): ConversationParticipant | undefined {
  return state.conversations
    .participantsOf(conversationSid)
    .find((participant) => participant.identity === author || participant.messagingBinding?.address === author);
}

/** Appends a message with the conversation's next index; a message wakes an inactive conversation up. */
export function appendConversationMessage(state: SandboxState, conversation: Conversation, input: NewConversationMessage): ConversationMessage {
  settleTimers(state, conversation);
  if (conversation.state === 'closed') throw conversationClosed(conversation.sid);
  const store = state.conversations;
  const index = store.nextMessageIndex.get(conversation.sid) ?? 0;
  store.nextMessageIndex.set(conversation.sid, index + 1);
  const author = input.author ?? 'system';
  const message = store.messages.add({
    sid: state.sid('IM'),
    conversationSid: conversation.sid,
    index,
    author,
    body: input.content ? renderFor(input.content, 'whatsapp').body : (input.body ?? null),
    ...(input.content ? { content: { sid: input.content.template.sid, variables: input.content.variables } } : {}),
    attributes: input.attributes ?? '{}',
    participantSid: participantForAuthor(state, conversation.sid, author)?.sid ?? null,
    deliveredSmsCount: 0,
    dateCreated: state.now(),
    dateUpdated: null,
  });
  recordActivity(state, conversation);
  return message;
}
