import { ApiPropertyOptional } from '@nestjs/swagger';
import { FLEX_CHANNEL_TYPES, MANAGED_INTEGRATION_TYPES, type ManagedIntegrationType } from '@flex-sms/domain';
import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsNotEmpty, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { IsTwilioSid } from '../../common/validation/twilio-sid.validator';
import { FlexFlowIntegrationRequestDto } from './flex-flow-integration.request.dto';

/** `PATCH /api/v1/flex-flows/{sid}`: only the fields sent change. */
export class UpdateFlexFlowRequestDto {
  @ApiPropertyOptional({ enum: MANAGED_INTEGRATION_TYPES })
  @IsOptional()
  @IsIn(MANAGED_INTEGRATION_TYPES)
  integrationType?: ManagedIntegrationType;

  @ApiPropertyOptional({ description: 'An E.164 number for sms flows (checked by the use case against the channel type)', example: '+15550100001' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  contactIdentity?: string;

  @ApiPropertyOptional({ enum: FLEX_CHANNEL_TYPES })
  @IsOptional()
  @IsIn(FLEX_CHANNEL_TYPES)
  channelType?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  friendlyName?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  enabled?: boolean;

  @ApiPropertyOptional({ example: 'IS0123456789abcdef0123456789abcdef' })
  @IsOptional()
  @IsTwilioSid('IS')
  chatServiceSid?: string;

  @ApiPropertyOptional({ type: FlexFlowIntegrationRequestDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => FlexFlowIntegrationRequestDto)
  integration?: FlexFlowIntegrationRequestDto;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  longLived?: boolean;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  janitorEnabled?: boolean;
}
