import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { RECIPIENT_STATES, type RecipientState } from '@flex-sms/domain';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';

export class CampaignParamsDto {
  @ApiProperty({ format: 'uuid', example: '6f1d2c3b-4a5e-4f70-8192-a3b4c5d6e7f8' })
  @IsUUID()
  id!: string;
}

export class CampaignListQueryDto {
  @ApiPropertyOptional({ default: 20, minimum: 1, maximum: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;
}

export class CampaignRecipientsQueryDto {
  @ApiPropertyOptional({ enum: RECIPIENT_STATES })
  @IsOptional()
  @IsIn(RECIPIENT_STATES)
  state?: RecipientState;

  @ApiPropertyOptional({ description: 'The `position` of the last recipient of the previous page.', minimum: -1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(-1)
  @Max(10_000_000)
  after?: number;

  @ApiPropertyOptional({ default: 100, minimum: 1, maximum: 1000 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  limit?: number;
}

export class CampaignRecipientsCsvQueryDto {
  @ApiPropertyOptional({ enum: RECIPIENT_STATES })
  @IsOptional()
  @IsIn(RECIPIENT_STATES)
  state?: RecipientState;
}
