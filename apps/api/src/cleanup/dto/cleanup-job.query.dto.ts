import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';

export class CleanupJobParamsDto {
  @IsUUID()
  id!: string;
}

export class CleanupJobListQueryDto {
  @ApiPropertyOptional({ default: 20, maximum: 1000 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  limit?: number;
}

export class CleanupItemsQueryDto extends CleanupJobListQueryDto {
  @ApiPropertyOptional({ enum: ['pending', 'done', 'failed', 'skipped', 'cancelled'], default: 'failed' })
  @IsOptional()
  @IsIn(['pending', 'done', 'failed', 'skipped', 'cancelled'])
  status?: 'pending' | 'done' | 'failed' | 'skipped' | 'cancelled';
}
