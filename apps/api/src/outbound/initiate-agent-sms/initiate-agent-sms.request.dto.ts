import { ApiPropertyOptional } from '@nestjs/swagger';
import { MAX_SMS_BODY_LENGTH } from '@flex-sms/domain';
import { IsObject, IsOptional, IsString, Length, Matches } from 'class-validator';
import { CallbackUrlProperty } from '../../system-callbacks/callback-url.property';
import { OutboundMessageRequestDto } from '../dto/outbound-message.request.dto';
import { NOT_BLANK } from '../dto/outbound-parties.request.dto';
import { IsTwilioSid } from '../../common/validation/twilio-sid.validator';

/** `POST /api/v1/outbound/task`: an agent starts an SMS conversation that becomes a Flex task. */
export class InitiateAgentSmsRequestDto extends OutboundMessageRequestDto {
  @ApiPropertyOptional({
    description: 'A prior chat channel (e.g. the Studio conversation this one continues), copied onto the task for context.',
    example: 'CH0123456789abcdef0123456789abcdef',
  })
  @IsOptional()
  @IsTwilioSid('CH')
  sourceChatChannelSid?: string;

  @ApiPropertyOptional({
    description: 'A worker to route the task to (task attribute `targetWorkerSid`; the workflow decides how to use it).',
    example: 'WK0123456789abcdef0123456789abcdef',
  })
  @IsOptional()
  @IsTwilioSid('WK')
  targetWorkerSid?: string;

  @ApiPropertyOptional({
    description: 'Sent to the customer straight away on the channel. Or send contentSid (a Content template) instead.',
    example: 'Hi Ada, this is Grace from Acme. Do you have a minute?',
    maxLength: MAX_SMS_BODY_LENGTH,
  })
  @IsOptional()
  @IsString()
  @Length(1, MAX_SMS_BODY_LENGTH)
  @Matches(NOT_BLANK, { message: 'initialMessage must not be blank' })
  initialMessage?: string;

  @ApiPropertyOptional({
    description:
      'Extra task attributes for routing. The outbound fields (to, from, name, direction, sourceChatChannelSid, targetWorkerSid) always win.',
    type: 'object',
    additionalProperties: true,
    example: { crmId: 'A-17', language: 'en' },
  })
  @IsOptional()
  @IsObject()
  taskAttributes?: Record<string, unknown>;

  @CallbackUrlProperty(
    'Where to POST this request’s changes (its final state, its message’s delivery) instead of the calling API key’s callbackUrl, signed with the key’s signing secret. API keys only.',
  )
  statusCallbackUrl?: string;
}
