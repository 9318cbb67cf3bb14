import { ApiProperty } from '@nestjs/swagger';
import { MAX_NAME_LENGTH } from '@flex-sms/domain';
import { IsString, Length, Matches } from 'class-validator';
import { DiffersFromNumber, IsE164PhoneNumber } from '../../common/validation/phone-number.validators';
/** At least one character that is not white space. */
export const NOT_BLANK = /\S/;

/** Who talks to whom: the fields both outbound flows share. */
export class OutboundPartiesRequestDto {
  @ApiProperty({
    description: 'The Twilio number the conversation uses (E.164). It needs an sms Flex Flow of the flow’s integration type.',
    example: '+15550100001',
  })
  @IsE164PhoneNumber()
  fromNumber!: string;

  @ApiProperty({
    description: 'The customer’s name, shown to the agent on the task and in the chat.',
    example: 'Ada Lovelace',
    minLength: 1,
    maxLength: MAX_NAME_LENGTH,
  })
  @IsString()
  @Length(1, MAX_NAME_LENGTH)
  @Matches(NOT_BLANK, { message: 'toName must not be blank' })
  toName!: string;

  @ApiProperty({ description: 'The customer’s mobile number (E.164), different from fromNumber.', example: '+14155550123' })
  @IsE164PhoneNumber()
  @DiffersFromNumber('fromNumber')
  toNumber!: string;
}
