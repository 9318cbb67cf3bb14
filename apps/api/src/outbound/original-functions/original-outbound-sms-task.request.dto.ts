import { ApiPropertyOptional } from '@nestjs/swagger';
import { MAX_SMS_BODY_LENGTH } from '@flex-sms/domain';
import { Transform } from 'class-transformer';
import { IsOptional, IsString, Length, Matches } from 'class-validator';
import { NOT_BLANK, OutboundPartiesRequestDto } from '../dto/outbound-parties.request.dto';
import { IsTwilioSid } from '../../common/validation/twilio-sid.validator';

/** A Studio HTTP widget sends every configured parameter, empty ones included: an empty value means "not given". */
const emptyAsAbsent = ({ value }: { value: unknown }) => (value === '' ? undefined : value);

/** The original `flex-initiate-outbound-sms-task` Function's body (JSON or form-encoded). */
export class LegacyOutboundSmsTaskRequestDto extends OutboundPartiesRequestDto {
  @ApiPropertyOptional({ example: 'CH0123456789abcdef0123456789abcdef' })
  @Transform(emptyAsAbsent)
  @IsOptional()
  @IsTwilioSid('CH')
  sourceChatChannelSid?: string;

  @ApiPropertyOptional({ example: 'WK0123456789abcdef0123456789abcdef' })
  @Transform(emptyAsAbsent)
  @IsOptional()
  @IsTwilioSid('WK')
  targetWorkerSid?: string;

  @ApiPropertyOptional({
    description: 'Sent to the customer straight away',
    example: 'Hi Ada, this is Grace from Acme.',
    maxLength: MAX_SMS_BODY_LENGTH,
  })
  @Transform(emptyAsAbsent)
  @IsOptional()
  @IsString()
  @Length(1, MAX_SMS_BODY_LENGTH)
  @Matches(NOT_BLANK, { message: 'initialNotificationMessage must not be blank' })
  initialNotificationMessage?: string;
}
