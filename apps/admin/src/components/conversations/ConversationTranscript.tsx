'use client';
// A conversation (Flex Conversations mode). Polled (see useConversation), so a customer's reply appears while the
// page is open.
import { useConversation } from '../../hooks/use-conversations';
import type { ConversationMessage } from '../../lib/conversations/conversation.types';
import { LoadingState } from '../common/LoadingState';
import { QueryError } from '../common/QueryError';
import { TranscriptLog, customerLabel, type TranscriptMessage } from '../common/TranscriptLog';

interface ConversationTranscriptProps {
  conversationSid: string;
  /** The customer's number: Conversations makes it the author of their SMS. */
  customerNumber: string;
  customerName?: string;
}

/** The API authors what it posts with the caller's reference (`api-key:…`, `user:…`, `bootstrap`). */
const API_CALLER = /^(api-key:|user:|bootstrap$)/;

function toTranscriptMessage(message: ConversationMessage, customerNumber: string, customerName?: string): TranscriptMessage {
  const inbound = message.author === customerNumber;
  const author = inbound ? customerLabel(customerNumber, customerName) : API_CALLER.test(message.author) ? 'Sent by the API' : message.author;
  return { sid: message.sid, body: message.body, dateCreated: message.dateCreated, inbound, author };
}

export function ConversationTranscript({ conversationSid, customerNumber, customerName }: ConversationTranscriptProps) {
  const conversation = useConversation(conversationSid);
  if (conversation.isPending) return <LoadingState label="Loading the conversation…" />;
  if (conversation.isError) return <QueryError query={conversation} />;
  const messages = conversation.data.messages.map((message) => toTranscriptMessage(message, customerNumber, customerName));
  return <TranscriptLog messages={messages} holder="conversation" testId="conversation-transcript" />;
}
