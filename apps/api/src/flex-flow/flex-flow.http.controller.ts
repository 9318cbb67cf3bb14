import { Controller, Get, Param, Query, UseInterceptors } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { FetchFlexFlow, ListFlexFlows, type FlexFlow } from '@flex-sms/domain';
import { Roles } from '../auth/roles.decorator';
import { ApiErrorExamples, ERROR_EXAMPLES, RETRY_AFTER_HEADER } from '../common/api-error-examples.decorator';
import { TwilioRetryAfterInterceptor } from '../common/twilio-retry-after.interceptor';
import { IsTwilioSid } from '../common/validation/twilio-sid.validator';
import { ListFlexFlowsQueryDto } from './dto/list-flex-flows.query.dto';
import { FlexFlowDto, FlexFlowListDto } from './flex-flow.response.dto';

class FlexFlowParamsDto {
  @IsTwilioSid('FO')
  sid!: string;
}

/**
 * The account's Flex Flows as the outbound flows see them: from the same cache (FlexFlowDirectory), so reading
 * them costs Twilio nothing while it is warm. `refresh=true` re-reads them (after a change in the Console).
 */
@ApiTags('Flex Flows')
@Controller('flex-flows')
@Roles('operator')
@UseInterceptors(TwilioRetryAfterInterceptor)
export class FlexFlowController {
  constructor(
    private readonly listFlexFlows: ListFlexFlows,
    private readonly fetchFlexFlow: FetchFlexFlow,
  ) {}

  @Get()
  @ApiOperation({ summary: 'List the account’s Flex Flows (cached), filtered by number, integration type, channel type, enabled' })
  @ApiOkResponse({ type: FlexFlowListDto })
  @ApiErrorExamples({ 503: [ERROR_EXAMPLES.twilioUnavailable] }, { 503: RETRY_AFTER_HEADER })
  async list(@Query() query: ListFlexFlowsQueryDto): Promise<{ flexFlows: FlexFlow[] }> {
    return { flexFlows: await this.listFlexFlows.execute(query) };
  }

  @Get(':sid')
  @ApiOperation({ summary: 'One Flex Flow (from the cache)' })
  @ApiParam({ name: 'sid', example: 'FO0123456789abcdef0123456789abcdef' })
  @ApiOkResponse({ type: FlexFlowDto })
  @ApiErrorExamples(
    { 404: [ERROR_EXAMPLES.resourceNotFound('Flex Flow', 'FO0123456789abcdef0123456789abcdef')], 503: [ERROR_EXAMPLES.twilioUnavailable] },
    { 503: RETRY_AFTER_HEADER },
  )
  fetch(@Param() params: FlexFlowParamsDto): Promise<FlexFlow> {
    return this.fetchFlexFlow.execute(params.sid);
  }
}
