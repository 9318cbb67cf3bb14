import { ApiProperty, ApiPropertyOptional, PartialType, PickType } from '@nestjs/swagger';
import { SCHEDULABLE_CLEANUP_KINDS, type CleanupJobKind } from '@flex-sms/domain';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsDateString,
  IsIn,
  IsNotEmpty,
  IsNumber,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { LongLivedChannelSelectionDto } from './long-lived-channel-cleanup.request.dto';
import { ProxySessionSelectionDto } from './proxy-session-cleanup.request.dto';

/** A year: a clean-up rarer than that is a one-off job, and an unbounded period makes a next run no Date holds. */
export const MAX_SCHEDULE_EVERY_HOURS = 366 * 24;

/** `POST /api/v1/cleanup/schedules`: e.g. daily, Proxy sessions older than 7 days. */
export class CreateCleanupScheduleRequestDto {
  @ApiProperty({ example: 'Daily: sessions older than 7 days' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(120)
  name!: string;

  @ApiProperty({ enum: SCHEDULABLE_CLEANUP_KINDS })
  @IsIn(SCHEDULABLE_CLEANUP_KINDS)
  kind!: CleanupJobKind;

  @ApiProperty({ minimum: 1, maximum: MAX_SCHEDULE_EVERY_HOURS, example: 24 })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(1)
  @Max(MAX_SCHEDULE_EVERY_HOURS)
  everyHours!: number;

  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @IsBoolean()
  enabled?: boolean;

  @ApiPropertyOptional({ description: 'Default: one period from now', example: '2026-12-01T03:00:00Z' })
  @IsOptional()
  @IsDateString()
  firstRunAt?: string;

  @ApiPropertyOptional({ type: ProxySessionSelectionDto, description: 'For kind proxy-sessions' })
  @ValidateIf((dto: CreateCleanupScheduleRequestDto) => dto.kind === 'proxy-sessions')
  @ValidateNested()
  @Type(() => ProxySessionSelectionDto)
  proxySessions?: ProxySessionSelectionDto;

  @ApiPropertyOptional({ type: LongLivedChannelSelectionDto, description: 'For kind long-lived-channels' })
  @ValidateIf((dto: CreateCleanupScheduleRequestDto) => dto.kind === 'long-lived-channels')
  @ValidateNested()
  @Type(() => LongLivedChannelSelectionDto)
  longLivedChannels?: LongLivedChannelSelectionDto;

  @ApiPropertyOptional({ description: "Proxy sessions: mark each session's chat channel INACTIVE", default: true })
  @IsOptional()
  @IsBoolean()
  markChannelInactive?: boolean;
}

/** `PATCH /api/v1/cleanup/schedules/{id}`. */
export class UpdateCleanupScheduleRequestDto extends PartialType(
  PickType(CreateCleanupScheduleRequestDto, ['name', 'everyHours', 'enabled', 'markChannelInactive'] as const),
) {
  @ApiPropertyOptional({ type: ProxySessionSelectionDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => ProxySessionSelectionDto)
  proxySessions?: ProxySessionSelectionDto;

  @ApiPropertyOptional({ type: LongLivedChannelSelectionDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => LongLivedChannelSelectionDto)
  longLivedChannels?: LongLivedChannelSelectionDto;

  @ApiPropertyOptional({ description: 'Move the next run' })
  @IsOptional()
  @IsDateString()
  nextRunAt?: string;
}
