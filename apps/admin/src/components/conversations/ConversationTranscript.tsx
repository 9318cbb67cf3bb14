'use client';
// A conversation (Flex Conversations mode) as an agent reads it in Flex UI 2.x: the customer on the left, our side
// on the right. Polled (see useConversation), so a customer's reply appears while the page is open.
import { Box } from '@twilio-paste/core/box';
import { ChatBubble, ChatLog, ChatMessage, ChatMessageMeta, ChatMessageMetaItem } from '@twilio-paste/core/chat-log';
import { useConversation } from '../../hooks/use-conversations';
import type { ConversationMessage } from '../../lib/conversations/conversation.types';
import { EmptyState } from '../common/EmptyState';
import { formatDateTime } from '../common/format';
import { LoadingState } from '../common/LoadingState';
import { QueryError } from '../common/QueryError';

interface ConversationTranscriptProps {
  conversationSid: string;
  /** The customer's number: Conversations makes it the author of their SMS. */
  customerNumber: string;
  customerName?: string;
}

function author(message: ConversationMessage, customerNumber: string, customerName?: string): string {
  if (message.author === customerNumber) return customerName ? `${customerName} (${customerNumber})` : customerNumber;
  return message.author;
}

export function ConversationTranscript({ conversationSid, customerNumber, customerName }: ConversationTranscriptProps) {
  const conversation = useConversation(conversationSid);
  if (conversation.isPending) return <LoadingState label="Loading the conversation…" />;
  if (conversation.isError) return <QueryError query={conversation} />;
  if (conversation.data.messages.length === 0) {
    return (
      <EmptyState heading="No message in this conversation yet" testId="transcript-empty">
        The customer’s replies and the agent’s messages appear here.
      </EmptyState>
    );
  }
  return (
    <Box borderStyle="solid" borderWidth="borderWidth10" borderColor="colorBorderWeak" borderRadius="borderRadius30" padding="space40" maxHeight="size60" overflowY="auto">
      <ChatLog data-testid="conversation-transcript" aria-label="Conversation transcript">
        {conversation.data.messages.map((message) => {
          const inbound = message.author === customerNumber;
          return (
            <ChatMessage key={message.sid} variant={inbound ? 'inbound' : 'outbound'} data-testid="transcript-message">
              <ChatBubble>{message.body}</ChatBubble>
              <ChatMessageMeta aria-label={`${inbound ? 'From the customer' : 'To the customer'} at ${formatDateTime(message.dateCreated)}`}>
                <ChatMessageMetaItem>
                  {author(message, customerNumber, customerName)} · {formatDateTime(message.dateCreated)}
                </ChatMessageMetaItem>
              </ChatMessageMeta>
            </ChatMessage>
          );
        })}
      </ChatLog>
    </Box>
  );
}
