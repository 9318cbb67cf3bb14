import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { IsTwilioSid } from '../common/validation/twilio-sid.validator';

export class ChannelParamsDto {
  @IsTwilioSid('CH')
  sid!: string;
}

export class ChannelQueryDto {
  @ApiPropertyOptional({ description: 'The Chat Service (IS…): only the configured Flex chat service, the default', example: 'IS0123456789abcdef0123456789abcdef' })
  @IsOptional()
  @IsTwilioSid('IS')
  chatServiceSid?: string;

  @ApiPropertyOptional({ description: 'How many of the newest messages to include', minimum: 0, maximum: 100, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(100)
  messages?: number;
}

class ChatChannelDto {
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

  @ApiProperty({ example: '2026-11-24T18:00:00.000Z' })
  dateCreated!: string;

  @ApiProperty({ example: '2026-11-24T18:00:00.500Z' })
  dateUpdated!: string;
}

class ChatMessageDto {
  @ApiProperty({ example: 'IM0123456789abcdef0123456789abcdef' })
  sid!: string;

  @ApiProperty({ example: 'CH0123456789abcdef0123456789abcdef' })
  channelSid!: string;

  @ApiProperty({ example: 'Thanks, see you then!' })
  body!: string;

  @ApiProperty({ description: 'Author identity (system for messages posted by the API)', example: '+14155550123' })
  from!: string;

  @ApiProperty({ example: 1 })
  index!: number;

  @ApiProperty({ type: 'object', additionalProperties: true, example: {} })
  attributes!: Record<string, unknown>;

  @ApiProperty({ example: '2026-11-24T18:03:00.000Z' })
  dateCreated!: string;
}

export class ChannelViewDto {
  @ApiProperty({ type: ChatChannelDto })
  channel!: ChatChannelDto;

  @ApiProperty({ type: [ChatMessageDto], description: 'The newest messages, oldest first' })
  messages!: ChatMessageDto[];
}
