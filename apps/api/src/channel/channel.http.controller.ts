import { Controller, Get, Param, Query, UseInterceptors } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { Caller } from '../auth/caller';
import { ConfinedToSenders } from '../auth/confined-to-senders.decorator';
import { CurrentCaller } from '../auth/current-caller.decorator';
import { Roles } from '../auth/roles.decorator';
import { assertMayReadTranscript } from '../auth/sender-restriction';
import { ApiErrorExamples, ERROR_EXAMPLES, RETRY_AFTER_HEADER } from '../common/api-error-examples.decorator';
import { TwilioRetryAfterInterceptor } from '../common/twilio-retry-after.interceptor';
import { validationFailed } from '../common/validation/validation-pipe';
import { OutboundHistory } from '../journal/outbound-history';
import { TwilioAccount } from '../twilio/twilio-account';
import { ChannelSidParamsDto, DEFAULT_TRANSCRIPT_MESSAGES } from '../common/transcript.dto';
import { ChannelQueryDto, ChannelViewDto } from './channel.dto';
import { ChannelView, ChannelViewQuery } from './channel-view.query';

@ApiTags('Channels')
@Controller('channels')
@Roles('operator')
@UseInterceptors(TwilioRetryAfterInterceptor)
export class ChannelController {
  constructor(
    private readonly channelView: ChannelViewQuery,
    private readonly account: TwilioAccount,
    private readonly history: OutboundHistory,
  ) {}

  @Get(':sid')
  @ConfinedToSenders()
  @ApiOperation({
    summary: 'A chat channel with its attributes and its newest messages',
    description: 'What an agent would see: the SMS sent and the customer’s replies.',
  })
  @ApiParam({ name: 'sid', example: 'CH0123456789abcdef0123456789abcdef' })
  @ApiOkResponse({ type: ChannelViewDto })
  @ApiErrorExamples(
    {
      400: [
        {
          code: 'VALIDATION_FAILED',
          message: 'The request has 1 invalid field.',
          details: [{ field: 'sid', message: 'sid must be a Twilio SID starting with CH followed by 32 hex digits' }],
        },
      ],
      404: [ERROR_EXAMPLES.resourceNotFound('Chat channel', 'CH0123456789abcdef0123456789abcdef')],
      503: [ERROR_EXAMPLES.twilioUnavailable],
    },
    { 503: RETRY_AFTER_HEADER },
  )
  async fetch(@Param() params: ChannelSidParamsDto, @Query() query: ChannelQueryDto, @CurrentCaller() caller: Caller): Promise<ChannelView> {
    // Kept for callers that name it, but only the configured service: the API reads Flex's conversations, not every
    // chat service in the account.
    if (query.chatServiceSid !== undefined && query.chatServiceSid !== this.account.chatServiceSid) {
      throw validationFailed([
        { field: 'chatServiceSid', message: 'chatServiceSid must be the configured Flex Chat Service (TWILIO_CHAT_SERVICE_SID), or left out' },
      ]);
    }
    await assertMayReadTranscript(caller, this.history, 'Chat channel', params.sid);
    return this.channelView.execute(this.account.chatServiceSid, params.sid, query.messages ?? DEFAULT_TRANSCRIPT_MESSAGES);
  }
}
