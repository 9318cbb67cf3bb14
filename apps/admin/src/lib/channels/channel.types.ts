// GET /api/v1/channels/{sid}
import type { Schema } from '../api/wire';

export type ChannelView = Schema<'ChannelViewDto'>;
export type ChatChannel = Schema<'ChatChannelDto'>;
/** `from`: the customer's number for their SMS, `system` (or an agent) for ours. */
export type ChatMessage = Schema<'ChatMessageDto'>;
