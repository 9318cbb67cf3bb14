import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { ChatChannel, ChatMessage } from '@flex-sms/domain';
import { IsOptional } from 'class-validator';
import { TranscriptMessageDto, TranscriptQueryDto } from '../common/transcript.dto';
import { IsTwilioSid } from '../common/validation/twilio-sid.validator';
import type { ChannelView } from './channel-view.query';

export class ChannelQueryDto extends TranscriptQueryDto {
  @ApiPropertyOptional({
    description: 'The Chat Service (IS…): only the configured Flex chat service, the default',
    example: 'IS0123456789abcdef0123456789abcdef',
  })
  @IsOptional()
  @IsTwilioSid('IS')
  chatServiceSid?: string;
}

class ChatChannelDto implements ChatChannel {
  @ApiProperty({ example: 'CH0123456789abcdef0123456789abcdef' })
  sid!: string;

  @ApiProperty({ example: 'IS0123456789abcdef0123456789abcdef' })
  serviceSid!: string;

  @ApiProperty({ nullable: true, type: String, example: 'SMS +14155550123' })
  friendlyName!: string | null;

  @ApiProperty({ nullable: true, type: String, example: null })
  uniqueName!: string | null;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'The channel attributes JSON (Flex’s status, from, task data; proxySession once the conversation is tied)',
    example: { status: 'ACTIVE', from: 'Ada Lovelace', channel_type: 'sms', proxySession: 'KC0123456789abcdef0123456789abcdef' },
  })
  attributes!: Record<string, unknown>;

  @ApiProperty({ type: String, format: 'date-time', example: '2026-11-24T18:00:00.000Z' })
  dateCreated!: Date;

  @ApiProperty({ type: String, format: 'date-time', example: '2026-11-24T18:00:00.500Z' })
  dateUpdated!: Date;
}

class ChatMessageDto extends TranscriptMessageDto implements ChatMessage {
  @ApiProperty({ example: 'CH0123456789abcdef0123456789abcdef' })
  channelSid!: string;

  @ApiProperty({ description: 'Author identity (system for messages posted by the API)', example: '+14155550123' })
  from!: string;
}

export class ChannelViewDto implements ChannelView {
  @ApiProperty({ type: ChatChannelDto })
  channel!: ChatChannelDto;

  @ApiProperty({ type: [ChatMessageDto], description: 'The newest messages, oldest first' })
  messages!: ChatMessageDto[];
}
