import { Body, Controller, Delete, HttpCode, Param, Patch, Post, UseInterceptors } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { CreateFlexFlow, DeleteFlexFlow, UpdateFlexFlow, type FlexFlow } from '@flex-sms/domain';
import { FlexFlowDto } from './flex-flow.response.dto';
import { Roles } from '../auth/roles.decorator';
import { ApiErrorExamples, ERROR_EXAMPLES, RETRY_AFTER_HEADER } from '../common/api-error-examples.decorator';
import { TwilioRetryAfterInterceptor } from '../common/twilio-retry-after.interceptor';
import { IsTwilioSid } from '../common/validation/twilio-sid.validator';
import { CreateFlexFlowRequestDto } from './dto/create-flex-flow.request.dto';
import { UpdateFlexFlowRequestDto } from './dto/update-flex-flow.request.dto';

class FlexFlowSidParamsDto {
  @IsTwilioSid('FO')
  sid!: string;
}

const SETTINGS_EXAMPLE = {
  code: 'INVALID_FLEX_FLOW_SETTINGS',
  message: "The Flex Flow settings do not fit the account: integration.channel: must be the 'chat' TaskChannel for messaging, not 'voice' (TC…)",
  context: { problems: [{ field: 'integration.channel', message: "must be the 'chat' TaskChannel for messaging, not 'voice' (TC…)" }] },
};
const EXISTS_EXAMPLE = {
  code: 'FLEX_FLOW_ALREADY_EXISTS',
  message: 'Flex Flow FO… already serves +15550100001 with IntegrationType=task. Update that flow, or delete it first.',
};

/**
 * Creating, changing and deleting Flex Flows (the README's "Create Necessary Flex Flows", as an API). Each change
 * empties the outbound flows' Flex Flow cache. Listing and fetching are the Flex Flow list controller's.
 */
@ApiTags('Flex Flows')
@Controller('flex-flows')
@Roles('admin')
@UseInterceptors(TwilioRetryAfterInterceptor)
export class FlexFlowManagementController {
  constructor(
    private readonly createFlexFlow: CreateFlexFlow,
    private readonly updateFlexFlow: UpdateFlexFlow,
    private readonly deleteFlexFlow: DeleteFlexFlow,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Create a Studio or Task Flex Flow for a number (defaults picked from the account)' })
  @ApiCreatedResponse({ type: FlexFlowDto })
  @ApiErrorExamples(
    { 400: [ERROR_EXAMPLES.validationFailed], 409: [EXISTS_EXAMPLE], 422: [SETTINGS_EXAMPLE], 503: [ERROR_EXAMPLES.twilioUnavailable] },
    { 503: RETRY_AFTER_HEADER },
  )
  create(@Body() body: CreateFlexFlowRequestDto): Promise<FlexFlow> {
    return this.createFlexFlow.execute(body);
  }

  @Patch(':sid')
  @ApiOperation({ summary: 'Change a Flex Flow (only the fields sent)' })
  @ApiParam({ name: 'sid', example: 'FO0123456789abcdef0123456789abcdef' })
  @ApiOkResponse({ type: FlexFlowDto })
  @ApiErrorExamples({
    400: [ERROR_EXAMPLES.validationFailed],
    404: [ERROR_EXAMPLES.resourceNotFound('Flex Flow', 'FO0123456789abcdef0123456789abcdef')],
    409: [EXISTS_EXAMPLE],
    422: [SETTINGS_EXAMPLE],
  })
  update(@Param() params: FlexFlowSidParamsDto, @Body() body: UpdateFlexFlowRequestDto): Promise<FlexFlow> {
    return this.updateFlexFlow.execute({ ...body, sid: params.sid });
  }

  @Delete(':sid')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a Flex Flow' })
  @ApiParam({ name: 'sid', example: 'FO0123456789abcdef0123456789abcdef' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiErrorExamples({ 404: [ERROR_EXAMPLES.resourceNotFound('Flex Flow', 'FO0123456789abcdef0123456789abcdef')] })
  async remove(@Param() params: FlexFlowSidParamsDto): Promise<void> {
    await this.deleteFlexFlow.execute(params.sid);
  }
}
