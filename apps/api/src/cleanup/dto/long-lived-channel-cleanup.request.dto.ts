import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMinSize, IsArray, IsBoolean, IsNumber, IsOptional, Max, Min } from 'class-validator';
import { IsTwilioSid } from '../../common/validation/twilio-sid.validator';
import { MAX_AGE_HOURS } from './created-before.selection.dto';

export class LongLivedChannelSelectionDto {
  @ApiProperty({ description: 'No message or change for at least this many hours', minimum: 0, maximum: MAX_AGE_HOURS, example: 72 })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(MAX_AGE_HOURS)
  idleForHours!: number;

  @ApiPropertyOptional({ description: 'Only these long-lived Flex Flows (default: all of them)', type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @IsTwilioSid('FO', { each: true })
  flexFlowSids?: string[];
}

/** `POST /api/v1/cleanup/long-lived-channels`. */
export class LongLivedChannelCleanupRequestDto extends LongLivedChannelSelectionDto {
  @ApiPropertyOptional({ default: false })
  @IsOptional()
  @IsBoolean()
  dryRun?: boolean;
}
