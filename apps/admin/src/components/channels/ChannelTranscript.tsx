'use client';
// A conversation's chat channel (Chat + Proxy mode). Polled (see useChannel), so a customer's reply appears while the page
// is open.
import { useChannel } from '../../hooks/use-channels';
import type { ChatMessage } from '../../lib/channels/channel.types';
import { LoadingState } from '../common/LoadingState';
import { QueryError } from '../common/QueryError';
import { TranscriptLog, customerLabel, type TranscriptMessage } from '../common/TranscriptLog';

interface ChannelTranscriptProps {
  channelSid: string;
  /** The customer's chat identity (their E.164 number): their messages are the inbound ones. */
  customerIdentity: string;
  customerName?: string;
}

function toTranscriptMessage(message: ChatMessage, customerIdentity: string, customerName?: string): TranscriptMessage {
  const inbound = message.from === customerIdentity;
  const author = inbound ? customerLabel(customerIdentity, customerName) : message.from === 'system' ? 'Sent by the API' : message.from;
  return { sid: message.sid, body: message.body, dateCreated: message.dateCreated, inbound, author };
}

export function ChannelTranscript({ channelSid, customerIdentity, customerName }: ChannelTranscriptProps) {
  const channel = useChannel(channelSid);
  if (channel.isPending) return <LoadingState label="Loading the conversation…" />;
  if (channel.isError) return <QueryError query={channel} />;
  const messages = channel.data.messages.map((message) => toTranscriptMessage(message, customerIdentity, customerName));
  return <TranscriptLog messages={messages} holder="channel" testId="channel-transcript" />;
}
