'use client';
// A conversation's chat channel as an agent reads it in Flex: the customer on the left, our side on the right.
// Polled (see useChannel), so a customer's reply appears while the page is open.
import { Box } from '@twilio-paste/core/box';
import { ChatBubble, ChatLog, ChatMessage, ChatMessageMeta, ChatMessageMetaItem } from '@twilio-paste/core/chat-log';
import { useChannel } from '../../hooks/use-channels';
import type { ChatMessage as ChannelMessage } from '../../lib/channels/channel.types';
import { EmptyState } from '../common/EmptyState';
import { formatDateTime } from '../common/format';
import { LoadingState } from '../common/LoadingState';
import { QueryError } from '../common/QueryError';

interface ChannelTranscriptProps {
  channelSid: string;
  /** The customer's chat identity (their E.164 number): their messages are the inbound ones. */
  customerIdentity: string;
  customerName?: string;
}

function author(message: ChannelMessage, customerIdentity: string, customerName?: string): string {
  if (message.from === customerIdentity) return customerName ? `${customerName} (${customerIdentity})` : customerIdentity;
  return message.from === 'system' ? 'Sent by the API' : message.from;
}

export function ChannelTranscript({ channelSid, customerIdentity, customerName }: ChannelTranscriptProps) {
  const channel = useChannel(channelSid);
  if (channel.isPending) return <LoadingState label="Loading the conversation…" />;
  if (channel.isError) return <QueryError query={channel} />;
  if (channel.data.messages.length === 0) {
    return (
      <EmptyState heading="No message in this channel yet" testId="transcript-empty">
        The customer’s replies and the agent’s messages appear here.
      </EmptyState>
    );
  }
  return (
    <Box borderStyle="solid" borderWidth="borderWidth10" borderColor="colorBorderWeak" borderRadius="borderRadius30" padding="space40" maxHeight="size60" overflowY="auto">
      <ChatLog data-testid="channel-transcript" aria-label="Conversation transcript">
        {channel.data.messages.map((message) => {
          const inbound = message.from === customerIdentity;
          return (
            <ChatMessage key={message.sid} variant={inbound ? 'inbound' : 'outbound'} data-testid="transcript-message">
              <ChatBubble>{message.body}</ChatBubble>
              <ChatMessageMeta aria-label={`${inbound ? 'From the customer' : 'To the customer'} at ${formatDateTime(message.dateCreated)}`}>
                <ChatMessageMetaItem>
                  {author(message, customerIdentity, customerName)} · {formatDateTime(message.dateCreated)}
                </ChatMessageMetaItem>
              </ChatMessageMeta>
            </ChatMessage>
          );
        })}
      </ChatLog>
    </Box>
  );
}
