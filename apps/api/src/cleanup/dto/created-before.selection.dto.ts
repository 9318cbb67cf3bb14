import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsNumber, IsOptional, Max, Min } from 'class-validator';

/**
 * Ten years, the oldest age a selection may name: nothing this API cleans up is older, and without a bound a number
 * like 1e308 makes an instant no database (or Date) holds.
 */
export const MAX_AGE_HOURS = 10 * 366 * 24;

/** The age criterion every cleanup selection shares (Proxy sessions, conversations). */
export class CreatedBeforeSelectionDto {
  @ApiPropertyOptional({ description: 'Created more than this many hours ago', minimum: 0, maximum: MAX_AGE_HOURS, example: 24 })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(MAX_AGE_HOURS)
  olderThanHours?: number;

  @ApiPropertyOptional({
    description: 'Created more than this many days ago (added to olderThanHours)',
    minimum: 0,
    maximum: MAX_AGE_HOURS / 24,
    example: 7,
  })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(MAX_AGE_HOURS / 24)
  olderThanDays?: number;
}
