import { Inject, Injectable } from '@nestjs/common';
import {
  IDEMPOTENT,
  ResourceNotFound,
  TwilioRetrier,
  type Conversation,
  type ConversationMessage,
  type ConversationParticipant,
  type ConversationPort,
} from '@flex-sms/domain';
import { TWILIO_PORT } from '../twilio/twilio.tokens';

export interface ConversationView {
  conversation: Conversation;
  participants: ConversationParticipant[];
  /** The newest messages, oldest first (as a transcript reads). */
  messages: ConversationMessage[];
}

/**
 * A conversation (Flex Conversations mode) with its participants and recent messages, for the transcript: three reads
 * at once through the domain's ports and retry policy. A read, so a thin query here rather than a use case.
 */
@Injectable()
export class ConversationViewQuery {
  constructor(
    @Inject(TWILIO_PORT.conversations) private readonly conversations: ConversationPort,
    private readonly retrier: TwilioRetrier,
  ) {}

  async execute(conversationSid: string, messageLimit: number): Promise<ConversationView> {
    const { conversations, retrier } = this;
    // The conversation read says whether it exists; a missing conversation's participants and messages are none.
    const noneIfMissing = <T>(read: Promise<T[]>) => read.catch((error: unknown) => (error instanceof ResourceNotFound ? [] : Promise.reject(error)));
    const [conversation, participants, recent] = await Promise.all([
      retrier.run('fetch Conversation', () => conversations.fetchConversation(conversationSid), IDEMPOTENT),
      noneIfMissing(retrier.run('list Conversation participants', () => conversations.listParticipants(conversationSid), IDEMPOTENT)),
      messageLimit === 0
        ? Promise.resolve([])
        : noneIfMissing(retrier.run('list Conversation messages', () => conversations.listRecentMessages(conversationSid, messageLimit), IDEMPOTENT)),
    ]);
    if (!conversation) throw new ResourceNotFound('Conversation', conversationSid);
    return { conversation, participants, messages: [...recent].reverse() };
  }
}
