import { Controller, Get, Query, UseInterceptors } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ListContentTemplates, type ContentTemplateList } from '@flex-sms/domain';
import { Roles } from '../auth/roles.decorator';
import { ApiErrorExamples, ERROR_EXAMPLES, RETRY_AFTER_HEADER } from '../common/api-error-examples.decorator';
import { TwilioRetryAfterInterceptor } from '../common/twilio-retry-after.interceptor';
import { ContentTemplateListDto, ListContentTemplatesQueryDto } from './content-template.dto';

@ApiTags('Content templates')
@Controller('content-templates')
@Roles('operator')
@UseInterceptors(TwilioRetryAfterInterceptor)
export class ContentTemplateController {
  constructor(private readonly listContentTemplates: ListContentTemplates) {}

  @Get()
  @ApiOperation({
    summary: 'The account’s Content templates, with their WhatsApp approval, variables and a preview',
    description: 'Content API v1 ContentAndApprovals, cached 5 minutes (refresh=true reads it now). Send one with contentSid and contentVariables.',
  })
  @ApiOkResponse({ type: ContentTemplateListDto })
  @ApiErrorExamples({ 400: [ERROR_EXAMPLES.validationFailed], 503: [ERROR_EXAMPLES.twilioUnavailable] }, { 503: RETRY_AFTER_HEADER })
  list(@Query() query: ListContentTemplatesQueryDto): Promise<ContentTemplateList> {
    return this.listContentTemplates.execute({ refresh: query.refresh });
  }
}
