import { Body, Controller, Inject, Req, UseInterceptors } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { SendSystemSms, type OutboundSmsResult } from '@flex-sms/domain';
import type { Request } from 'express';
import type { Caller } from '../../auth/caller';
import { CurrentCaller } from '../../auth/current-caller.decorator';
import { callerOf } from '../../idempotency/caller';
import { OutboundSmsResponseDto } from '../dto/outbound-sms.response.dto';
import { OutboundSmsRoute } from '../outbound-sms-route.decorator';
import { TwilioRetryAfterInterceptor } from '../../common/twilio-retry-after.interceptor';
import { StatusCallbackPolicy } from '../../system-callbacks/status-callback-policy';
import { SendSystemSmsRequestDto } from './send-system-sms.request.dto';

@ApiTags('Outbound SMS')
@Controller('outbound')
@UseInterceptors(TwilioRetryAfterInterceptor)
export class SendSystemSmsController {
  constructor(
    @Inject(SendSystemSms) private readonly sendSystemSms: SendSystemSms,
    private readonly statusCallbacks: StatusCallbackPolicy,
  ) {}

  @OutboundSmsRoute({
    path: 'message',
    kind: 'system_sms',
    operation: {
      summary: 'Send a fire-and-forget SMS that stays part of the Flex conversation',
      description:
        'Opens (or reuses) the customer’s chat channel through the number’s Studio Flex Flow (no task), ties it to the customer’s phone with a Proxy ' +
        'Session, and posts messageBody, which Proxy relays as SMS. A reply from the customer goes to the Studio flow. On failure everything this request ' +
        'created is undone. channel=whatsapp (a number in Flex Conversations mode) sends on WhatsApp; contentSid + contentVariables send a Content template ' +
        'instead of messageBody (checked first: 400 INVALID_CONTENT names each problem); free text to WhatsApp outside the customer’s 24-hour window is 422 ' +
        'WHATSAPP_TEMPLATE_REQUIRED.',
    },
    response: { type: OutboundSmsResponseDto, description: 'The message was posted and is being relayed as SMS.' },
  })
  async execute(@Body() body: SendSystemSmsRequestDto, @Req() request: Request, @CurrentCaller() caller: Caller): Promise<OutboundSmsResult> {
    await this.statusCallbacks.assertUsable(body.statusCallbackUrl, caller);
    return this.sendSystemSms.execute({ ...body, caller: callerOf(request), idempotencyKey: request.header('idempotency-key') });
  }
}
