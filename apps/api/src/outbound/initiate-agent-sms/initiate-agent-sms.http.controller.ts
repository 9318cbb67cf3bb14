import { Body, Controller, Inject, Post, Req, UseInterceptors } from '@nestjs/common';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InitiateAgentSms, type OutboundSmsResult } from '@flex-sms/domain';
import type { Request } from 'express';
import { Roles } from '../../auth/roles.decorator';
import { SendsSms } from '../../auth/sends-sms.decorator';
import { callerOf } from '../../idempotency/caller';
import { Idempotent } from '../../idempotency/idempotent.decorator';
import { ApiErrorExamples, ERROR_EXAMPLES, RETRY_AFTER_HEADER } from '../../common/api-error-examples.decorator';
import { OutboundSmsResponseDto } from '../dto/outbound-sms.response.dto';
import { TwilioRetryAfterInterceptor } from '../../common/twilio-retry-after.interceptor';
import { InitiateAgentSmsRequestDto } from './initiate-agent-sms.request.dto';

@ApiTags('Outbound SMS')
@Controller('outbound')
@UseInterceptors(TwilioRetryAfterInterceptor)
export class InitiateAgentSmsController {
  constructor(@Inject(InitiateAgentSms) private readonly initiateAgentSms: InitiateAgentSms) {}

  @Post('task')
  @Roles('operator')
  @SendsSms({ kind: 'agent_sms' })
  @Idempotent()
  @ApiOperation({
    summary: 'Start an agent SMS conversation (creates a Flex task)',
    description:
      'Opens (or reuses) the customer’s chat channel through the number’s Task Flex Flow, so Flex creates the task; ties it to the customer’s phone with a ' +
      'Proxy Session; sends initialMessage when given. The proxySession channel attribute is written right after answering. On failure everything this ' +
      'request created is undone (the error’s context lists it). channel=whatsapp (a number in Flex Conversations mode) sends on WhatsApp; ' +
      'contentSid + contentVariables send a Content template instead of initialMessage (checked first: 400 INVALID_CONTENT names each problem); free ' +
      'text to WhatsApp outside the customer’s 24-hour window is 422 WHATSAPP_TEMPLATE_REQUIRED.',
  })
  @ApiCreatedResponse({ type: OutboundSmsResponseDto, description: 'The conversation is ready; the task is being routed.' })
  @ApiErrorExamples(
    {
      400: [ERROR_EXAMPLES.validationFailed, ERROR_EXAMPLES.invalidIdempotencyKey, ERROR_EXAMPLES.invalidContent],
      409: [ERROR_EXAMPLES.participantConflict, ERROR_EXAMPLES.idempotencyKeyInUse],
      422: [ERROR_EXAMPLES.channelNotSupported, ERROR_EXAMPLES.whatsappTemplateRequired, ERROR_EXAMPLES.flexFlowNotFound('task'), ERROR_EXAMPLES.idempotencyKeyReused],
      502: [ERROR_EXAMPLES.twilioRequestFailed],
      503: [ERROR_EXAMPLES.twilioUnavailable],
    },
    { 503: RETRY_AFTER_HEADER },
  )
  execute(@Body() body: InitiateAgentSmsRequestDto, @Req() request: Request): Promise<OutboundSmsResult> {
    return this.initiateAgentSms.execute({ ...body, caller: callerOf(request), idempotencyKey: request.header('idempotency-key') });
  }
}
