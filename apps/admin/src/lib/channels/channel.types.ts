// GET /api/v1/channels/{sid} (apps/api/src/channel/channel.dto.ts).
export interface ChatChannel {
  sid: string;
  serviceSid: string;
  friendlyName: string | null;
  uniqueName: string | null;
  attributes: Record<string, unknown>;
  dateCreated: string;
  dateUpdated: string;
}

export interface ChatMessage {
  sid: string;
  channelSid: string;
  body: string;
  /** Author identity: the customer's number for their SMS, `system` (or an agent) for ours. */
  from: string;
  index: number;
  attributes: Record<string, unknown>;
  dateCreated: string;
}

export interface ChannelView {
  channel: ChatChannel;
  /** The newest messages, oldest first. */
  messages: ChatMessage[];
}
