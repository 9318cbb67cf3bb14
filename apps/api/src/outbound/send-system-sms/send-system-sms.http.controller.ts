import { Body, Controller, Inject, Post, Req, UseInterceptors } from '@nestjs/common';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { SendSystemSms, type OutboundSmsResult } from '@flex-sms/domain';
import type { Request } from 'express';
import { Roles } from '../../auth/roles.decorator';
import { SendsSms } from '../../auth/sends-sms.decorator';
import { callerOf } from '../../idempotency/caller';
import { Idempotent } from '../../idempotency/idempotent.decorator';
import { ApiErrorExamples, ERROR_EXAMPLES, RETRY_AFTER_HEADER } from '../../common/api-error-examples.decorator';
import { OutboundSmsResponseDto } from '../dto/outbound-sms.response.dto';
import { TwilioRetryAfterInterceptor } from '../../common/twilio-retry-after.interceptor';
import { SendSystemSmsRequestDto } from './send-system-sms.request.dto';

@ApiTags('Outbound SMS')
@Controller('outbound')
@UseInterceptors(TwilioRetryAfterInterceptor)
export class SendSystemSmsController {
  constructor(@Inject(SendSystemSms) private readonly sendSystemSms: SendSystemSms) {}

  @Post('message')
  @Roles('operator')
  @SendsSms({ kind: 'system_sms' })
  @Idempotent()
  @ApiOperation({
    summary: 'Send a fire-and-forget SMS that stays part of the Flex conversation',
    description:
      'Opens (or reuses) the customer’s chat channel through the number’s Studio Flex Flow (no task), ties it to the customer’s phone with a Proxy ' +
      'Session, and posts messageBody, which Proxy relays as SMS. A reply from the customer goes to the Studio flow. On failure everything this request ' +
      'created is undone. channel=whatsapp (a number in Flex Conversations mode) sends on WhatsApp; contentSid + contentVariables send a Content template ' +
      'instead of messageBody (checked first: 400 INVALID_CONTENT names each problem); free text to WhatsApp outside the customer’s 24-hour window is 422 ' +
      'WHATSAPP_TEMPLATE_REQUIRED.',
  })
  @ApiCreatedResponse({ type: OutboundSmsResponseDto, description: 'The message was posted and is being relayed as SMS.' })
  @ApiErrorExamples(
    {
      400: [ERROR_EXAMPLES.validationFailed, ERROR_EXAMPLES.invalidIdempotencyKey, ERROR_EXAMPLES.invalidContent],
      409: [ERROR_EXAMPLES.participantConflict, ERROR_EXAMPLES.idempotencyKeyInUse],
      422: [ERROR_EXAMPLES.channelNotSupported, ERROR_EXAMPLES.whatsappTemplateRequired, ERROR_EXAMPLES.flexFlowNotFound('studio'), ERROR_EXAMPLES.flexFlowDisabled, ERROR_EXAMPLES.idempotencyKeyReused],
      502: [ERROR_EXAMPLES.twilioRequestFailed],
      503: [ERROR_EXAMPLES.twilioUnavailable],
    },
    { 503: RETRY_AFTER_HEADER },
  )
  execute(@Body() body: SendSystemSmsRequestDto, @Req() request: Request): Promise<OutboundSmsResult> {
    return this.sendSystemSms.execute({ ...body, caller: callerOf(request), idempotencyKey: request.header('idempotency-key') });
  }
}
