import { Body, Controller, Inject, Req, UseInterceptors } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { InitiateAgentSms, type OutboundSmsResult } from '@flex-sms/domain';
import type { Request } from 'express';
import type { Caller } from '../../auth/caller';
import { CurrentCaller } from '../../auth/current-caller.decorator';
import { callerOf } from '../../idempotency/caller';
import { OutboundSmsResponseDto } from '../dto/outbound-sms.response.dto';
import { OutboundSmsRoute } from '../outbound-sms-route.decorator';
import { TwilioRetryAfterInterceptor } from '../../common/twilio-retry-after.interceptor';
import { StatusCallbackPolicy } from '../../system-callbacks/status-callback-policy';
import { InitiateAgentSmsRequestDto } from './initiate-agent-sms.request.dto';

@ApiTags('Outbound SMS')
@Controller('outbound')
@UseInterceptors(TwilioRetryAfterInterceptor)
export class InitiateAgentSmsController {
  constructor(
    @Inject(InitiateAgentSms) private readonly initiateAgentSms: InitiateAgentSms,
    private readonly statusCallbacks: StatusCallbackPolicy,
  ) {}

  @OutboundSmsRoute({
    path: 'task',
    kind: 'agent_sms',
    operation: {
      summary: 'Start an agent SMS conversation (creates a Flex task)',
      description:
        'Opens (or reuses) the customer’s chat channel through the number’s Task Flex Flow, so Flex creates the task; ties it to the customer’s phone with a ' +
        'Proxy Session; sends initialMessage when given. The proxySession channel attribute is written right after answering. On failure everything this ' +
        'request created is undone (the error’s context lists it). channel=whatsapp (a number in Flex Conversations mode) sends on WhatsApp; ' +
        'contentSid + contentVariables send a Content template instead of initialMessage (checked first: 400 INVALID_CONTENT names each problem); free ' +
        'text to WhatsApp outside the customer’s 24-hour window is 422 WHATSAPP_TEMPLATE_REQUIRED.',
    },
    response: { type: OutboundSmsResponseDto, description: 'The conversation is ready; the task is being routed.' },
  })
  async execute(@Body() body: InitiateAgentSmsRequestDto, @Req() request: Request, @CurrentCaller() caller: Caller): Promise<OutboundSmsResult> {
    await this.statusCallbacks.assertUsable(body.statusCallbackUrl, caller);
    return this.initiateAgentSms.execute({ ...body, caller: callerOf(request), idempotencyKey: request.header('idempotency-key') });
  }
}
