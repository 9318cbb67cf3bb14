// GET /api/v1/conversations/{sid}
import type { Schema } from '../api/wire';

export type ConversationView = Schema<'ConversationViewDto'>;
export type Conversation = Schema<'ConversationDto'>;
export type ConversationParticipant = Schema<'ConversationParticipantDto'>;
/** `author`: the API caller for our messages, the customer's number for their SMS. */
export type ConversationMessage = Schema<'ConversationMessageDto'>;
