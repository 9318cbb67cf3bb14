import { Body, Controller, Inject, Req, UseInterceptors } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { InitiateAgentSms, SendSystemSms } from '@flex-sms/domain';
import type { Request } from 'express';
import { callerOf } from '../../idempotency/caller';
import type { OutboundSmsResult } from '@flex-sms/domain';
import type { AnswerFromJournal } from '../../idempotency/answer-from-journal';
import { TwilioAccount } from '../../twilio/twilio-account';
import { OutboundSmsRoute } from '../outbound-sms-route.decorator';
import { OriginalOutboundSmsRequestDto } from './original-outbound-sms.request.dto';
import { TwilioRetryAfterInterceptor } from '../../common/twilio-retry-after.interceptor';
import { LegacyOutboundSmsResponseDto, toLegacyResponse } from './original-outbound-sms.response';
import { LegacyOutboundSmsTaskRequestDto } from './original-outbound-sms-task.request.dto';

/** What the Function routes answer for a result (200, the original's body), also after a crash (see Idempotent). */
const legacyAnswer: AnswerFromJournal = (result, moduleRef) => ({
  status: 200,
  body: toLegacyResponse(result as unknown as OutboundSmsResult, moduleRef.get(TwilioAccount, { strict: false })),
});

/**
 * Drop-in replacements for the original Twilio Functions (twilio-professional-services/function-flex-outbound-sms),
 * at their paths outside /api/v1, for systems already calling them (a Studio HTTP widget, a CRM): same body names,
 * JSON or form-encoded, same answer shape, status 200. They run the same use cases as /api/v1/outbound, so they
 * reuse conversations, roll back on failure, and answer errors in this API's one error shape.
 */
@ApiTags('Original Functions (drop-in)')
@Controller()
@UseInterceptors(TwilioRetryAfterInterceptor)
export class LegacyFunctionsController {
  constructor(
    @Inject(InitiateAgentSms) private readonly initiateAgentSms: InitiateAgentSms,
    @Inject(SendSystemSms) private readonly sendSystemSms: SendSystemSms,
    private readonly account: TwilioAccount,
  ) {}

  @OutboundSmsRoute({
    path: 'flex-initiate-outbound-sms-task',
    kind: 'agent_sms',
    operation: {
      summary: 'Original Function: start an agent SMS conversation with a task',
      description: 'Same as POST /api/v1/outbound/task; initialNotificationMessage is sent to the customer.',
    },
    response: { type: LegacyOutboundSmsResponseDto },
    originalFunction: { answerFromJournal: legacyAnswer },
  })
  async initiateOutboundSmsTask(@Body() body: LegacyOutboundSmsTaskRequestDto, @Req() request: Request): Promise<LegacyOutboundSmsResponseDto> {
    const { initialNotificationMessage, ...rest } = body;
    const result = await this.initiateAgentSms.execute({
      ...rest,
      initialMessage: initialNotificationMessage,
      caller: callerOf(request),
      idempotencyKey: request.header('idempotency-key'),
    });
    return toLegacyResponse(result, this.account);
  }

  @OutboundSmsRoute({
    path: 'flex-initiate-outbound-sms',
    kind: 'system_sms',
    operation: {
      summary: 'Original Function: send a fire-and-forget SMS through the Studio Flex Flow',
      description: 'Same as POST /api/v1/outbound/message.',
    },
    response: { type: LegacyOutboundSmsResponseDto },
    originalFunction: { answerFromJournal: legacyAnswer },
  })
  async initiateOutboundSms(@Body() body: OriginalOutboundSmsRequestDto, @Req() request: Request): Promise<LegacyOutboundSmsResponseDto> {
    const result = await this.sendSystemSms.execute({ ...body, caller: callerOf(request), idempotencyKey: request.header('idempotency-key') });
    return toLegacyResponse(result, this.account);
  }
}
