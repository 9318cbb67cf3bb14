import { Controller, Get, Param, Query, UseInterceptors } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { Caller } from '../auth/caller';
import { ConfinedToSenders } from '../auth/confined-to-senders.decorator';
import { CurrentCaller } from '../auth/current-caller.decorator';
import { Roles } from '../auth/roles.decorator';
import { assertMayReadTranscript } from '../auth/sender-restriction';
import { ApiErrorExamples, ERROR_EXAMPLES, RETRY_AFTER_HEADER } from '../common/api-error-examples.decorator';
import { TwilioRetryAfterInterceptor } from '../common/twilio-retry-after.interceptor';
import { OutboundHistory } from '../journal/outbound-history';
import { ChannelSidParamsDto, DEFAULT_TRANSCRIPT_MESSAGES, TranscriptQueryDto } from '../common/transcript.dto';
import { ConversationViewDto } from './conversation.dto';
import { ConversationView, ConversationViewQuery } from './conversation-view.query';

@ApiTags('Conversations')
@Controller('conversations')
@Roles('operator')
@UseInterceptors(TwilioRetryAfterInterceptor)
export class ConversationController {
  constructor(
    private readonly conversationView: ConversationViewQuery,
    private readonly history: OutboundHistory,
  ) {}

  @Get(':sid')
  @ConfinedToSenders()
  @ApiOperation({
    summary: 'A conversation with its participants and newest messages',
    description: 'Flex Conversations mode: the transcript of an outbound SMS (the message sent, the customer’s replies).',
  })
  @ApiParam({ name: 'sid', example: 'CH0123456789abcdef0123456789abcdef' })
  @ApiOkResponse({ type: ConversationViewDto })
  @ApiErrorExamples(
    {
      400: [
        {
          code: 'VALIDATION_FAILED',
          message: 'The request has 1 invalid field.',
          details: [{ field: 'sid', message: 'sid must be a Twilio SID starting with CH followed by 32 hex digits' }],
        },
      ],
      404: [ERROR_EXAMPLES.resourceNotFound('Conversation', 'CH0123456789abcdef0123456789abcdef')],
      503: [ERROR_EXAMPLES.twilioUnavailable],
    },
    { 503: RETRY_AFTER_HEADER },
  )
  async fetch(@Param() params: ChannelSidParamsDto, @Query() query: TranscriptQueryDto, @CurrentCaller() caller: Caller): Promise<ConversationView> {
    await assertMayReadTranscript(caller, this.history, 'Conversation', params.sid);
    return this.conversationView.execute(params.sid, query.messages ?? DEFAULT_TRANSCRIPT_MESSAGES);
  }
}
