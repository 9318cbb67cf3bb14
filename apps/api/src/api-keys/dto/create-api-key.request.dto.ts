import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, Length, ValidateBy } from 'class-validator';
import { ROLES, type Role } from '../../auth/caller';
import { IsE164PhoneNumber } from '../../common/validation/phone-number.validators';
import { CallbackUrlProperty } from '../../system-callbacks/callback-url.property';

const MAX_KEY_NAME_LENGTH = 100;

/**
 * A sender restriction is for operator keys only. An admin manages keys, users, Flex Flows, sessions and account-wide
 * clean-ups, none of which belong to one number, so a restricted admin could simply create itself an unrestricted key.
 */
const ForOperatorKeysOnly = () =>
  ValidateBy({
    name: 'forOperatorKeysOnly',
    validator: {
      validate: (value: unknown, args) => (args?.object as CreateApiKeyRequestDto).role !== 'admin' || !Array.isArray(value) || value.length === 0,
      defaultMessage: () => 'allowedFromNumbers is for operator keys only: an admin key manages keys, users and every number',
    },
  });

export class CreateApiKeyRequestDto {
  @ApiProperty({
    description: 'What the key is for, so a person can tell keys apart',
    example: 'Salesforce reminders',
    minLength: 1,
    maxLength: MAX_KEY_NAME_LENGTH,
  })
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @Length(1, MAX_KEY_NAME_LENGTH)
  name!: string;

  @ApiProperty({ enum: ROLES, example: 'operator', description: 'operator: send and read; admin: everything, including keys and users' })
  @IsIn(ROLES)
  role!: Role;

  @ApiPropertyOptional({
    type: [String],
    example: ['+15550100001'],
    description: 'Operator keys only: the sender numbers (E.164) the key may send from, and whose requests and transcripts it may read; omit for any',
  })
  @IsOptional()
  @ForOperatorKeysOnly()
  @IsArray()
  @ArrayMaxSize(100)
  @IsE164PhoneNumber({ each: true })
  allowedFromNumbers?: string[];

  @CallbackUrlProperty(
    'Where to POST the state changes of the key’s requests (system callbacks), signed with the key’s signing secret. https (http only to a loopback address) with a real Twilio account.',
  )
  callbackUrl?: string;
}
