import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsNumber, IsOptional, Min } from 'class-validator';

/** The age criterion every cleanup selection shares (Proxy sessions, conversations). */
export class CreatedBeforeSelectionDto {
  @ApiPropertyOptional({ description: 'Created more than this many hours ago', example: 24 })
  @IsOptional()
  @IsNumber()
  @Min(0)
  olderThanHours?: number;

  @ApiPropertyOptional({ description: 'Created more than this many days ago (added to olderThanHours)', example: 7 })
  @IsOptional()
  @IsNumber()
  @Min(0)
  olderThanDays?: number;
}
