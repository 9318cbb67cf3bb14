import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { IsTwilioSid } from './validation/twilio-sid.validator';

/** How many of the newest messages a transcript shows when the caller does not say. */
export const DEFAULT_TRANSCRIPT_MESSAGES = 20;

/** A transcript is named by its chat channel's SID (CH…): a Programmable Chat channel's, or a Conversation's. */
export class ChannelSidParamsDto {
  @IsTwilioSid('CH')
  sid!: string;
}

/** `?messages=` of the transcript routes (a chat channel, a conversation). */
export class TranscriptQueryDto {
  @ApiPropertyOptional({ description: 'How many of the newest messages to include', minimum: 0, maximum: 100, default: DEFAULT_TRANSCRIPT_MESSAGES })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(100)
  messages?: number;
}

/** What a message of either transcript has; each adds where it was posted and who wrote it, in its API's words. */
export class TranscriptMessageDto {
  @ApiProperty({ example: 'IM0123456789abcdef0123456789abcdef' })
  sid!: string;

  @ApiProperty({ example: 'Thanks, see you then!' })
  body!: string;

  @ApiProperty({ example: 1 })
  index!: number;

  @ApiProperty({ type: 'object', additionalProperties: true, example: {} })
  attributes!: Record<string, unknown>;

  @ApiProperty({ type: String, format: 'date-time', example: '2026-11-24T18:03:00.000Z' })
  dateCreated!: Date;
}
