import { Controller, Get, Param, Query, UseInterceptors } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/roles.decorator';
import { ApiErrorExamples, ERROR_EXAMPLES, RETRY_AFTER_HEADER } from '../common/api-error-examples.decorator';
import { TwilioRetryAfterInterceptor } from '../common/twilio-retry-after.interceptor';
import { TwilioAccount } from '../twilio/twilio-account';
import { ChannelParamsDto, ChannelQueryDto, ChannelViewDto } from './channel.dto';
import { ChannelView, ChannelViewQuery } from './channel-view.query';

@ApiTags('Channels')
@Controller('channels')
@Roles('operator')
@UseInterceptors(TwilioRetryAfterInterceptor)
export class ChannelController {
  constructor(
    private readonly channelView: ChannelViewQuery,
    private readonly account: TwilioAccount,
  ) {}

  @Get(':sid')
  @ApiOperation({ summary: 'A chat channel with its attributes and its newest messages', description: 'What an agent would see: the SMS sent and the customer’s replies.' })
  @ApiParam({ name: 'sid', example: 'CH0123456789abcdef0123456789abcdef' })
  @ApiOkResponse({ type: ChannelViewDto })
  @ApiErrorExamples(
    {
      400: [{ code: 'VALIDATION_FAILED', message: 'The request has 1 invalid field.', details: [{ field: 'sid', message: 'sid must be a Twilio SID starting with CH followed by 32 hex digits' }] }],
      404: [ERROR_EXAMPLES.resourceNotFound('Chat channel', 'CH0123456789abcdef0123456789abcdef')],
      503: [ERROR_EXAMPLES.twilioUnavailable],
    },
    { 503: RETRY_AFTER_HEADER },
  )
  fetch(@Param() params: ChannelParamsDto, @Query() query: ChannelQueryDto): Promise<ChannelView> {
    return this.channelView.execute(query.chatServiceSid ?? this.account.chatServiceSid, params.sid, query.messages ?? 20);
  }
}
