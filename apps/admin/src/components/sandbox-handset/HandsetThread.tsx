'use client';
// A customer's thread as their phone shows it, SMS and WhatsApp: what they received on the left, what they sent on the
// right, each message with the app it came in (a template's quick-reply buttons on its last line).
import { Box } from '@twilio-paste/core/box';
import { ChatBubble, ChatLog, ChatMessage, ChatMessageMeta, ChatMessageMetaItem } from '@twilio-paste/core/chat-log';
import type { HandsetMessage } from '../../lib/sandbox-handset/sandbox-handset.types';
import { EmptyState } from '../common/EmptyState';
import { formatDateTime } from '../common/format';

const CHANNEL_NAMES: Record<HandsetMessage['channel'], string> = { sms: 'SMS', whatsapp: 'WhatsApp' };

/** What Twilio says became of a message to the phone: `delivered`, or `failed (63016)`. */
function deliveryStatus(message: HandsetMessage): string {
  return message.errorCode ? `${message.status} (${message.errorCode})` : message.status;
}

export function HandsetThread({ number, messages }: { number: string; messages: HandsetMessage[] }) {
  if (messages.length === 0) {
    return (
      <EmptyState heading="No message yet" testId="handset-thread-empty">
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
      <ChatLog data-testid="handset-thread" aria-label={`Messages of ${number}`}>
        {messages.map((message) => {
          const received = message.direction === 'received';
          return (
            <ChatMessage key={message.sid} variant={received ? 'inbound' : 'outbound'} data-testid={received ? 'handset-received' : 'handset-sent'}>
              <ChatBubble>
                <Box as="span" whiteSpace="pre-line">
                  {message.body}
                </Box>
              </ChatBubble>
              <ChatMessageMeta
                aria-label={`${CHANNEL_NAMES[message.channel]}: ${received ? 'received from' : 'sent to'} ${received ? message.from : message.to} at ${formatDateTime(message.dateCreated)}`}
              >
                <ChatMessageMetaItem>
                  <span data-testid="handset-channel">{CHANNEL_NAMES[message.channel]}</span> ·{' '}
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
