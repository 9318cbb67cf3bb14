'use client';
// A customer's SMS thread as their phone shows it: what they received on the left, what they sent on the right.
import { Box } from '@twilio-paste/core/box';
import { ChatBubble, ChatLog, ChatMessage, ChatMessageMeta, ChatMessageMetaItem } from '@twilio-paste/core/chat-log';
import type { HandsetMessage } from '../../lib/sandbox-handset/sandbox-handset.types';
import { EmptyState } from '../common/EmptyState';
import { formatDateTime } from '../common/format';

/** What Twilio says became of an SMS to the phone: `delivered`, or `undelivered (30003)`. */
function deliveryStatus(message: HandsetMessage): string {
  return message.errorCode ? `${message.status} (${message.errorCode})` : message.status;
}

export function HandsetThread({ number, messages }: { number: string; messages: HandsetMessage[] }) {
  if (messages.length === 0) {
    return (
      <EmptyState heading="No SMS yet" testId="handset-thread-empty">
        Nothing was sent to or from {number}. Reply below to text one of the account’s numbers as this customer.
      </EmptyState>
    );
  }
  return (
    <Box
      borderStyle="solid"
      borderWidth="borderWidth20"
      borderColor="colorBorderStrong"
      borderRadius="borderRadius30"
      padding="space40"
      maxHeight="size50"
      overflowY="auto"
      backgroundColor="colorBackgroundBody"
    >
      <ChatLog data-testid="handset-thread" aria-label={`SMS thread of ${number}`}>
        {messages.map((message) => {
          const received = message.direction === 'received';
          return (
            <ChatMessage key={message.sid} variant={received ? 'inbound' : 'outbound'} data-testid={received ? 'handset-received' : 'handset-sent'}>
              <ChatBubble>{message.body}</ChatBubble>
              <ChatMessageMeta aria-label={`${received ? 'Received from' : 'Sent to'} ${received ? message.from : message.to} at ${formatDateTime(message.dateCreated)}`}>
                <ChatMessageMetaItem>
                  {received ? `From ${message.from}` : `To ${message.to}`} · {formatDateTime(message.dateCreated)}
                  {received ? ` · ${deliveryStatus(message)}` : ''}
                </ChatMessageMetaItem>
              </ChatMessageMeta>
            </ChatMessage>
          );
        })}
      </ChatLog>
    </Box>
  );
}
