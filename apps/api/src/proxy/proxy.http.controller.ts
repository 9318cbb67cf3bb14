import { Controller, Delete, Get, HttpCode, Param, Post, Query, UseInterceptors } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { ProxyParticipant, ProxySession } from '@flex-sms/domain';
import { Roles } from '../auth/roles.decorator';
import { ApiErrorExamples, ERROR_EXAMPLES, RETRY_AFTER_HEADER } from '../common/api-error-examples.decorator';
import { TwilioRetryAfterInterceptor } from '../common/twilio-retry-after.interceptor';
import {
  DEFAULT_PROXY_SESSION_PAGE_SIZE,
  ProxyParticipantListDto,
  ProxySessionDto,
  ProxySessionListQueryDto,
  ProxySessionPageDto,
  ProxySessionParamsDto,
} from './proxy.dto';
import { ManageProxySessions, type ProxySessionPage } from './manage-proxy-sessions';

const SESSION_PARAM = ApiParam({
  name: 'sid',
  description: 'Session SID (KC…) or its UniqueName (the Flex channel SID, CH…)',
  example: 'KC0123456789abcdef0123456789abcdef',
});
const NOT_FOUND = ERROR_EXAMPLES.resourceNotFound('Proxy session', 'KC0123456789abcdef0123456789abcdef');
const SESSION_ERRORS = () =>
  ApiErrorExamples(
    { 404: [NOT_FOUND], 422: [ERROR_EXAMPLES.proxyServiceNotConfigured], 503: [ERROR_EXAMPLES.twilioUnavailable] },
    { 503: RETRY_AFTER_HEADER },
  );

/** The Proxy Service's sessions: what ties chat channels to customers' phones. */
@ApiTags('Proxy Sessions')
@Controller('proxy/sessions')
@Roles('operator')
@UseInterceptors(TwilioRetryAfterInterceptor)
export class ProxyController {
  constructor(private readonly sessions: ManageProxySessions) {}

  @Get()
  @ApiOperation({ summary: 'List the Proxy Service’s sessions, one page at a time' })
  @ApiOkResponse({ type: ProxySessionPageDto })
  @ApiErrorExamples(
    { 400: [ERROR_EXAMPLES.validationFailed], 422: [ERROR_EXAMPLES.proxyServiceNotConfigured], 503: [ERROR_EXAMPLES.twilioUnavailable] },
    { 503: RETRY_AFTER_HEADER },
  )
  page(@Query() query: ProxySessionListQueryDto): Promise<ProxySessionPage> {
    return this.sessions.page(query.pageSize ?? DEFAULT_PROXY_SESSION_PAGE_SIZE, query.pageToken);
  }

  @Get(':sid')
  @ApiOperation({ summary: 'One Proxy Session' })
  @SESSION_PARAM
  @ApiOkResponse({ type: ProxySessionDto })
  @SESSION_ERRORS()
  fetch(@Param() params: ProxySessionParamsDto): Promise<ProxySession> {
    return this.sessions.fetch(params.sid);
  }

  @Get(':sid/participants')
  @ApiOperation({ summary: 'The session’s participants (the customer’s phone and the Flex chat channel)' })
  @SESSION_PARAM
  @ApiOkResponse({ type: ProxyParticipantListDto })
  @SESSION_ERRORS()
  async participants(@Param() params: ProxySessionParamsDto): Promise<{ participants: ProxyParticipant[] }> {
    return { participants: await this.sessions.participants(params.sid) };
  }

  @Post(':sid/close')
  @Roles('admin')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Close a session',
    description: 'Frees the customer’s number pair for a new conversation, as Flex does when an agent ends the chat.',
  })
  @SESSION_PARAM
  @ApiOkResponse({ type: ProxySessionDto, description: 'The session, now closed' })
  @SESSION_ERRORS()
  close(@Param() params: ProxySessionParamsDto): Promise<ProxySession> {
    return this.sessions.close(params.sid);
  }

  @Delete(':sid')
  @Roles('admin')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a session' })
  @SESSION_PARAM
  @ApiNoContentResponse({ description: 'Deleted' })
  @SESSION_ERRORS()
  async remove(@Param() params: ProxySessionParamsDto): Promise<void> {
    await this.sessions.remove(params.sid);
  }
}
