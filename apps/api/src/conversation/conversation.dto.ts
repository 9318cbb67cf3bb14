import { ApiProperty } from '@nestjs/swagger';
import type { Conversation, ConversationMessage, ConversationParticipant, ConversationState } from '@flex-sms/domain';
import { TranscriptMessageDto } from '../common/transcript.dto';
import type { ConversationView } from './conversation-view.query';

class ConversationDto implements Conversation {
  @ApiProperty({ example: 'CH0123456789abcdef0123456789abcdef' })
  sid!: string;

  @ApiProperty({ description: 'The Conversation Service (the Flex chat service)', example: 'IS0123456789abcdef0123456789abcdef' })
  chatServiceSid!: string;

  @ApiProperty({ nullable: true, type: String, example: 'SMS +14155550123' })
  friendlyName!: string | null;

  @ApiProperty({ nullable: true, type: String, example: 'outbound-sms-req_6f1d2c3b4a5e6f708192a3b4' })
  uniqueName!: string | null;

  @ApiProperty({ enum: ['active', 'inactive', 'closed'], example: 'active' })
  state!: ConversationState;

  @ApiProperty({ type: 'object', additionalProperties: true, example: { outboundSmsRequestId: 'req_6f1d2c3b4a5e6f708192a3b4' } })
  attributes!: Record<string, unknown>;

  @ApiProperty({ type: String, format: 'date-time' })
  dateCreated!: Date;
}

class ConversationParticipantDto implements ConversationParticipant {
  @ApiProperty({ example: 'MB0123456789abcdef0123456789abcdef' })
  sid!: string;

  @ApiProperty({ example: 'CH0123456789abcdef0123456789abcdef' })
  conversationSid!: string;

  @ApiProperty({ nullable: true, type: String, description: 'Chat participants (agents in Flex UI)', example: null })
  identity!: string | null;

  @ApiProperty({ nullable: true, type: String, description: 'SMS participants: the customer’s phone', example: '+14155550123' })
  address!: string | null;

  @ApiProperty({ nullable: true, type: String, description: 'SMS participants: the Twilio number', example: '+15550100001' })
  proxyAddress!: string | null;
}

class ConversationMessageDto extends TranscriptMessageDto implements ConversationMessage {
  @ApiProperty({ example: 'CH0123456789abcdef0123456789abcdef' })
  conversationSid!: string;

  @ApiProperty({ description: 'Who wrote it: the API caller for outbound messages, the customer’s number for replies', example: 'billing' })
  author!: string;
}

export class ConversationViewDto implements ConversationView {
  @ApiProperty({ type: ConversationDto })
  conversation!: ConversationDto;

  @ApiProperty({ type: [ConversationParticipantDto] })
  participants!: ConversationParticipantDto[];

  @ApiProperty({ type: [ConversationMessageDto], description: 'The newest messages, oldest first' })
  messages!: ConversationMessageDto[];
}
