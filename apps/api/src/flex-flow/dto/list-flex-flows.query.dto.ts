import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsString } from 'class-validator';

const toBoolean = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

/**
 * Filters of `GET /api/v1/flex-flows` (for the list controller: ListFlexFlows applies them). Query strings are text,
 * so booleans are read from `true`/`false`.
 */
export class ListFlexFlowsQueryDto {
  @ApiPropertyOptional({ description: 'ContactIdentity (compared in E.164)', example: '+15550100001' })
  @IsOptional()
  @IsString()
  number?: string;

  @ApiPropertyOptional({ enum: ['studio', 'task', 'external'] })
  @IsOptional()
  @IsIn(['studio', 'task', 'external'])
  integrationType?: string;

  @ApiPropertyOptional({ example: 'sms' })
  @IsOptional()
  @IsString()
  channelType?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  enabled?: boolean;

  @ApiPropertyOptional({ description: 'Forget the cache and read the flows from Twilio' })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  refresh?: boolean;
}
