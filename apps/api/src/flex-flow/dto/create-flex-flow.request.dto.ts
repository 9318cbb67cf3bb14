import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { FLEX_CHANNEL_TYPES, MANAGED_INTEGRATION_TYPES, type ManagedIntegrationType } from '@flex-sms/domain';
import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsNotEmpty, IsOptional, IsString, MaxLength, ValidateBy, ValidateNested, buildMessage } from 'class-validator';
import { toE164 } from '../../common/validation/phone-number.validators';
import { IsTwilioSid } from '../../common/validation/twilio-sid.validator';
import { FlexFlowIntegrationRequestDto } from './flex-flow-integration.request.dto';

/** Flex caps a Flex Flow's FriendlyName at 64 characters. */
const MAX_FRIENDLY_NAME_LENGTH = 64;

/** An sms flow's ContactIdentity is the Twilio number, in E.164; other channel types take any address. */
function IsSmsContactIdentity(): PropertyDecorator {
  return ValidateBy({
    name: 'isSmsContactIdentity',
    validator: {
      validate: (value, args) => ((args?.object as { channelType?: string }).channelType ?? 'sms') !== 'sms' || toE164(value) !== undefined,
      defaultMessage: buildMessage((prefix) => `${prefix}$property must be a phone number in E.164 format, e.g. +15551234567, for an sms flow`),
    },
  });
}

/**
 * `POST /api/v1/flex-flows`: the README's parameters; everything but the type and the number has a default. The
 * defaults are said in words, not as OpenAPI `default`s: PATCH takes the same fields, where leaving one out keeps it.
 */
export class CreateFlexFlowRequestDto {
  @ApiProperty({ enum: MANAGED_INTEGRATION_TYPES, example: 'task' })
  @IsIn(MANAGED_INTEGRATION_TYPES)
  integrationType!: ManagedIntegrationType;

  @ApiProperty({ description: 'ContactIdentity: the Twilio number (E.164) for sms', example: '+15550100001' })
  @IsString()
  @IsNotEmpty()
  @IsSmsContactIdentity()
  contactIdentity!: string;

  @ApiPropertyOptional({ enum: FLEX_CHANNEL_TYPES, description: 'Created without it: sms' })
  @IsOptional()
  @IsIn(FLEX_CHANNEL_TYPES)
  channelType?: string;

  @ApiPropertyOptional({ example: 'Flex SMS To Task Flow +15550100001', minLength: 1, maxLength: MAX_FRIENDLY_NAME_LENGTH })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(MAX_FRIENDLY_NAME_LENGTH)
  friendlyName?: string;

  @ApiPropertyOptional({ description: 'Created without it: true for Studio, false for Task (the README’s advice)' })
  @IsOptional()
  @IsBoolean()
  enabled?: boolean;

  @ApiPropertyOptional({ description: 'Created without it: the configured Chat Service', example: 'IS0123456789abcdef0123456789abcdef' })
  @IsOptional()
  @IsTwilioSid('IS')
  chatServiceSid?: string;

  @ApiPropertyOptional({ type: FlexFlowIntegrationRequestDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => FlexFlowIntegrationRequestDto)
  integration?: FlexFlowIntegrationRequestDto;

  @ApiPropertyOptional({ description: 'Created without it: false' })
  @IsOptional()
  @IsBoolean()
  longLived?: boolean;

  @ApiPropertyOptional({ description: 'Created without it: true' })
  @IsOptional()
  @IsBoolean()
  janitorEnabled?: boolean;
}
