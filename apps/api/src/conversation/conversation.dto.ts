import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { IsTwilioSid } from '../common/validation/twilio-sid.validator';

export class ConversationParamsDto {
  @IsTwilioSid('CH')
  sid!: string;
}

export class ConversationQueryDto {
  @ApiPropertyOptional({ description: 'How many of the newest messages to include', minimum: 0, maximum: 100, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(100)
  messages?: number;
}

class ConversationDto {
  @ApiProperty({ example: 'CH0123456789abcdef0123456789abcdef' })
  sid!: string;

  @ApiProperty({ description: 'The Conversation Service (the Flex chat service)', example: 'IS0123456789abcdef0123456789abcdef' })
  chatServiceSid!: string;

  @ApiProperty({ nullable: true, type: String, example: 'SMS +14155550123' })
  friendlyName!: string | null;

  @ApiProperty({ nullable: true, type: String, example: 'outbound-sms-req_6f1d2c3b4a5e6f708192a3b4' })
  uniqueName!: string | null;

  @ApiProperty({ enum: ['active', 'inactive', 'closed'], example: 'active' })
  state!: string;

  @ApiProperty({ type: 'object', additionalProperties: true, example: { outboundSmsRequestId: 'req_6f1d2c3b4a5e6f708192a3b4' } })
  attributes!: Record<string, unknown>;

  @ApiProperty({ type: String, format: 'date-time' })
  dateCreated!: Date;
}

class ConversationParticipantDto {
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

class ConversationMessageDto {
  @ApiProperty({ example: 'IM0123456789abcdef0123456789abcdef' })
  sid!: string;

  @ApiProperty({ example: 'CH0123456789abcdef0123456789abcdef' })
  conversationSid!: string;

  @ApiProperty({ description: 'Who wrote it: the API caller for outbound messages, the customer’s number for replies', example: 'billing' })
  author!: string;

  @ApiProperty({ example: 'Your order shipped.' })
  body!: string;

  @ApiProperty({ example: 0 })
  index!: number;

  @ApiProperty({ type: 'object', additionalProperties: true })
  attributes!: Record<string, unknown>;

  @ApiProperty({ type: String, format: 'date-time' })
  dateCreated!: Date;
}

export class ConversationViewDto {
  @ApiProperty({ type: ConversationDto })
  conversation!: ConversationDto;

  @ApiProperty({ type: [ConversationParticipantDto] })
  participants!: ConversationParticipantDto[];

  @ApiProperty({ type: [ConversationMessageDto], description: 'The newest messages, oldest first' })
  messages!: ConversationMessageDto[];
}
