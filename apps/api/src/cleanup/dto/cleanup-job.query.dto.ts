import { CLEANUP_ITEM_STATUSES, type CleanupItemStatus } from '@flex-sms/domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { MAX_PAGE_SIZE } from '../../common/paging.query.dto';

export class CleanupJobParamsDto {
  @ApiProperty({ format: 'uuid', example: '6f1d2c3b-4a5e-4f70-8192-a3b4c5d6e7f8' })
  @IsUUID()
  id!: string;
}

export class CleanupJobListQueryDto {
  @ApiPropertyOptional({ default: 20, minimum: 1, maximum: MAX_PAGE_SIZE })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  limit?: number;
}

export class CleanupItemsQueryDto extends CleanupJobListQueryDto {
  @ApiPropertyOptional({ enum: CLEANUP_ITEM_STATUSES, default: 'failed' })
  @IsOptional()
  @IsIn(CLEANUP_ITEM_STATUSES)
  status?: CleanupItemStatus;
}
