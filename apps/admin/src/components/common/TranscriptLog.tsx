'use client';
// A transcript as an agent reads it in Flex: the customer on the left, our side on the right. Shared by the chat
// channel (Chat + Proxy mode) and the conversation (Flex Conversations mode) transcripts, which only map their messages.
import { Box } from '@twilio-paste/core/box';
import { ChatBubble, ChatLog, ChatMessage, ChatMessageMeta, ChatMessageMetaItem } from '@twilio-paste/core/chat-log';
import { EmptyState } from './EmptyState';
import { formatDateTime } from './format';

export interface TranscriptMessage {
  sid: string;
  body: string | null;
  dateCreated: string;
  /** From the customer (left), or to them (right). */
  inbound: boolean;
  /** Who wrote it, as a person reads it. */
  author: string;
}

interface TranscriptLogProps {
  messages: readonly TranscriptMessage[];
  /** What holds the messages, for the empty state: "channel", "conversation". */
  holder: string;
  testId: string;
}

export function TranscriptLog({ messages, holder, testId }: TranscriptLogProps) {
  if (messages.length === 0) {
    return (
      <EmptyState heading={`No message in this ${holder} yet`} testId="transcript-empty">
        The customer’s replies and the agent’s messages appear here.
      </EmptyState>
    );
  }
  return (
    <Box
      borderStyle="solid"
      borderWidth="borderWidth10"
      borderColor="colorBorderWeak"
      borderRadius="borderRadius30"
      padding="space40"
      maxHeight="size60"
      overflowY="auto"
    >
      <ChatLog data-testid={testId} aria-label="Conversation transcript">
        {messages.map((message) => (
          <ChatMessage key={message.sid} variant={message.inbound ? 'inbound' : 'outbound'} data-testid="transcript-message">
            <ChatBubble>{message.body}</ChatBubble>
            <ChatMessageMeta aria-label={`${message.inbound ? 'From the customer' : 'To the customer'} at ${formatDateTime(message.dateCreated)}`}>
              <ChatMessageMetaItem>
                {message.author} · {formatDateTime(message.dateCreated)}
              </ChatMessageMetaItem>
            </ChatMessageMeta>
          </ChatMessage>
        ))}
      </ChatLog>
    </Box>
  );
}

/** The customer as the transcript names them: "Ada (+1415…)" when their name is known. */
export function customerLabel(customerNumber: string, customerName?: string): string {
  return customerName ? `${customerName} (${customerNumber})` : customerNumber;
}
