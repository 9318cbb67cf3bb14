import { ApiProperty } from '@nestjs/swagger';
import { MAX_SMS_BODY_LENGTH } from '@flex-sms/domain';
import { IsString, Length, Matches } from 'class-validator';
import { NOT_BLANK, OutboundPartiesRequestDto } from '../dto/outbound-parties.request.dto';

/** The original `flex-initiate-outbound-sms` Function's body: an SMS text, nothing of WhatsApp or templates. */
export class OriginalOutboundSmsRequestDto extends OutboundPartiesRequestDto {
  @ApiProperty({ description: 'The SMS text.', example: 'Your order #1042 has shipped.', minLength: 1, maxLength: MAX_SMS_BODY_LENGTH })
  @IsString()
  @Length(1, MAX_SMS_BODY_LENGTH)
  @Matches(NOT_BLANK, { message: 'messageBody must not be blank' })
  messageBody!: string;
}
