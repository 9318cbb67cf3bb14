import { Controller, Get, Param, Query, UseInterceptors } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { FindCustomerWindow, ListSenders, type CustomerWindowView, type SenderList } from '@flex-sms/domain';
import type { Caller } from '../auth/caller';
import { ConfinedToSenders } from '../auth/confined-to-senders.decorator';
import { CurrentCaller } from '../auth/current-caller.decorator';
import { Roles } from '../auth/roles.decorator';
import { assertMaySendFrom } from '../auth/sender-restriction';
import { ApiErrorExamples, ERROR_EXAMPLES, RETRY_AFTER_HEADER } from '../common/api-error-examples.decorator';
import { TwilioRetryAfterInterceptor } from '../common/twilio-retry-after.interceptor';
import { CustomerWindowDto, CustomerWindowQueryDto, SenderListDto, SenderParamsDto } from './senders.dto';

const FROM_NUMBER_NOT_ALLOWED = {
  code: 'FROM_NUMBER_NOT_ALLOWED',
  message: 'This API key may not send from +15550100002.',
  context: { fromNumber: '+15550100002', allowedFromNumbers: ['+15550100003'] },
};

@ApiTags('Senders')
@Controller('senders')
@Roles('operator')
@UseInterceptors(TwilioRetryAfterInterceptor)
export class SendersController {
  constructor(
    private readonly listSenders: ListSenders,
    private readonly findCustomerWindow: FindCustomerWindow,
  ) {}

  @Get()
  @ConfinedToSenders()
  @ApiOperation({
    summary: 'The numbers the caller may send from, each with its outbound mode, why, and its channels',
    description:
      'The numbers of the account’s Flex Flows and Conversations Address Configurations (and CONVERSATIONS_NUMBERS), each as a send finds it: ' +
      'OUTBOUND_MODE or CONVERSATIONS_NUMBERS when set, otherwise from the account (cached a minute). An API key restricted to sender numbers sees only those.',
  })
  @ApiOkResponse({ type: SenderListDto })
  @ApiErrorExamples({ 503: [ERROR_EXAMPLES.twilioUnavailable] }, { 503: RETRY_AFTER_HEADER })
  list(@CurrentCaller() caller: Caller): Promise<SenderList> {
    return this.listSenders.execute({ allowedFromNumbers: caller.allowedFromNumbers });
  }

  @Get(':from/window')
  @ConfinedToSenders()
  @ApiOperation({
    summary: 'The WhatsApp 24-hour window between a sender and a customer: when the customer last wrote, until when free text is allowed',
    description:
      'The same reading a WhatsApp send is checked against (outside it, free text is refused with 422 WHATSAPP_TEMPLATE_REQUIRED). Kept from the inbound webhooks; asks Twilio nothing.',
  })
  @ApiParam({ name: 'from', example: '+15550100003' })
  @ApiOkResponse({ type: CustomerWindowDto })
  @ApiErrorExamples({ 400: [ERROR_EXAMPLES.validationFailed], 403: [FROM_NUMBER_NOT_ALLOWED] })
  window(@Param() params: SenderParamsDto, @Query() query: CustomerWindowQueryDto, @CurrentCaller() caller: Caller): Promise<CustomerWindowView> {
    assertMaySendFrom(caller, params.from);
    return this.findCustomerWindow.execute({ fromNumber: params.from, toNumber: query.to });
  }
}
