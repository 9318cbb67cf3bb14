import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length, Matches } from 'class-validator';
import { PagingQueryDto } from '../../common/paging.query.dto';
import { IsE164PhoneNumber } from '../../common/validation/phone-number.validators';
import { IsConsentScope, MAX_CONSENT_REASON_LENGTH } from '../consent-entry';

const NOT_BLANK = /\S/;
const SCOPE_DESCRIPTION =
  'The sender the opt-out applies to, as Twilio scopes it: the Twilio number (+E164), a WhatsApp sender (whatsapp:+E164), or a Messaging Service SID (MG…) whose numbers share opt-outs (Advanced Opt-Out).';

/** `POST /api/v1/consent`: an admin records that a customer must not be messaged from a sender. */
export class AddOptOutRequestDto {
  @ApiProperty({ description: "The customer's number, E.164.", example: '+14155550123' })
  @IsE164PhoneNumber()
  recipient!: string;

  @ApiProperty({ description: SCOPE_DESCRIPTION, example: '+15005550006' })
  @IsConsentScope()
  scope!: string;

  @ApiProperty({
    description: 'Why, for the audit trail.',
    example: 'Customer asked by phone not to be texted',
    minLength: 1,
    maxLength: MAX_CONSENT_REASON_LENGTH,
  })
  @IsString()
  @Length(1, MAX_CONSENT_REASON_LENGTH)
  @Matches(NOT_BLANK, { message: 'reason must not be blank' })
  reason!: string;
}

/** `DELETE /api/v1/consent/:recipient?scope=&reason=`: the customer may be messaged from the scope again. */
export class RemoveOptOutQueryDto {
  @ApiProperty({ description: SCOPE_DESCRIPTION, example: '+15005550006' })
  @IsConsentScope()
  scope!: string;

  @ApiProperty({
    description: 'Why, for the audit trail.',
    example: 'Customer opted back in in writing',
    minLength: 1,
    maxLength: MAX_CONSENT_REASON_LENGTH,
  })
  @IsString()
  @Length(1, MAX_CONSENT_REASON_LENGTH)
  @Matches(NOT_BLANK, { message: 'reason must not be blank' })
  reason!: string;
}

export class ListOptOutsQueryDto extends PagingQueryDto {
  @ApiPropertyOptional({ description: "Any part of the customer's number (digits, optionally with the +).", example: '415555', maxLength: 16 })
  @IsOptional()
  @IsString()
  @Matches(/^\+?\d{1,15}$/, { message: 'number must be digits, optionally after a +' })
  number?: string;

  @ApiPropertyOptional({ description: 'Only opt-outs of this scope.', example: '+15005550006' })
  @IsOptional()
  @IsConsentScope()
  scope?: string;
}
