import { ApiPropertyOptional } from '@nestjs/swagger';
import { MAX_SMS_BODY_LENGTH } from '@flex-sms/domain';
import { IsString, Length, Matches, ValidateIf } from 'class-validator';
import { CallbackUrlProperty } from '../../system-callbacks/callback-url.property';
import { OutboundMessageRequestDto } from '../dto/outbound-message.request.dto';
import { NOT_BLANK } from '../dto/outbound-parties.request.dto';

/** `POST /api/v1/outbound/message`: a back-office system texts a customer; replies go to the number's Studio flow. */
export class SendSystemSmsRequestDto extends OutboundMessageRequestDto {
  @ApiPropertyOptional({
    description: 'The text (SMS or WhatsApp); required unless contentSid is given, left out when it is.',
    example: 'Your order #1042 has shipped.',
    minLength: 1,
    maxLength: MAX_SMS_BODY_LENGTH,
  })
  @ValidateIf((body: SendSystemSmsRequestDto) => body.contentSid === undefined || body.messageBody !== undefined)
  @IsString()
  @Length(1, MAX_SMS_BODY_LENGTH)
  @Matches(NOT_BLANK, { message: 'messageBody must not be blank' })
  messageBody?: string;

  @CallbackUrlProperty(
    'Where to POST this request’s changes (its final state, its message’s delivery) instead of the calling API key’s callbackUrl, signed with the key’s signing secret. API keys only.',
  )
  statusCallbackUrl?: string;
}
