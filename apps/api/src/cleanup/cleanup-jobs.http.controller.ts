import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query, Req, Res, UseInterceptors, applyDecorators } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  CleanUpConversations,
  CleanUpLongLivedChannels,
  CleanUpProxySessions,
  cancelCleanupJob,
  type CleanupJobStore,
  type CleanupPreview,
} from '@flex-sms/domain';
import type { Request, Response } from 'express';
import { callerOf } from '../idempotency/caller';
import { Roles } from '../auth/roles.decorator';
import { ApiErrorExamples, ERROR_EXAMPLES } from '../common/api-error-examples.decorator';
import { TwilioRetryAfterInterceptor } from '../common/twilio-retry-after.interceptor';
import { CleanupJobQuery, type CleanupJobView } from './cleanup-job.query';
import { CLEANUP_JOB_STORE } from './cleanup.tokens';
import { CleanupItemsQueryDto, CleanupJobListQueryDto, CleanupJobParamsDto } from './dto/cleanup-job.query.dto';
import { CleanupItemListDto, CleanupJobViewDto, CleanupPreviewDto } from './dto/cleanup-job.response.dto';
import { ConversationCleanupRequestDto } from './dto/conversation-cleanup.request.dto';
import { LongLivedChannelCleanupRequestDto } from './dto/long-lived-channel-cleanup.request.dto';
import { ProxySessionCleanupRequestDto } from './dto/proxy-session-cleanup.request.dto';

const JOB_NOT_FOUND = { code: 'CLEANUP_JOB_NOT_FOUND', message: 'Clean-up job 6f1c… was not found' };

/** Every clean-up answers a dry run with what it would touch (200), and a real run with the job, started (202). */
const ApiCleanupAnswers = () =>
  applyDecorators(
    ApiOkResponse({ type: CleanupPreviewDto, description: 'Dry run: counts and a sample' }),
    ApiAcceptedResponse({ type: CleanupJobViewDto, description: 'The job, started (its URL in Location)' }),
  );

/**
 * Clean-up jobs. A dry run answers 200 with what would be touched; a real run answers 202 with the job at once (its
 * URL in Location) and goes on in the background: poll `GET /cleanup/jobs/{id}` for progress and errors.
 */
@ApiTags('Clean-up')
@Controller('cleanup')
@Roles('admin')
@UseInterceptors(TwilioRetryAfterInterceptor)
export class CleanupJobsController {
  constructor(
    private readonly proxySessions: CleanUpProxySessions,
    private readonly longLivedChannels: CleanUpLongLivedChannels,
    private readonly jobs: CleanupJobQuery,
    private readonly conversations: CleanUpConversations,
    @Inject(CLEANUP_JOB_STORE) private readonly store: CleanupJobStore,
  ) {}

  @Post('proxy-sessions')
  @HttpCode(200)
  @ApiOperation({ summary: 'Close, mark INACTIVE and delete Proxy sessions by status, age, number or SID (dry run first)' })
  @ApiCleanupAnswers()
  @ApiErrorExamples({ 400: [ERROR_EXAMPLES.validationFailed], 422: [ERROR_EXAMPLES.proxyServiceNotConfigured] })
  async cleanUpProxySessions(
    @Body() body: ProxySessionCleanupRequestDto,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CleanupPreview | CleanupJobView> {
    const { dryRun, markChannelInactive, olderThanDays, olderThanHours, ...rest } = body;
    const selection = { ...rest, ...ageOf(olderThanDays, olderThanHours) };
    if (dryRun) return this.proxySessions.preview(selection);
    const job = await this.proxySessions.start({ selection, options: { markChannelInactive }, requestedBy: callerOf(request) });
    return this.accepted(job.id, response);
  }

  @Post('long-lived-channels')
  @HttpCode(200)
  @ApiOperation({ summary: 'Clear the long-lived flag of idle channels and set them INACTIVE (dry run first)' })
  @ApiCleanupAnswers()
  @ApiErrorExamples({ 400: [ERROR_EXAMPLES.validationFailed] })
  async cleanUpLongLivedChannels(
    @Body() body: LongLivedChannelCleanupRequestDto,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CleanupPreview | CleanupJobView> {
    const { dryRun, ...selection } = body;
    if (dryRun) return this.longLivedChannels.preview(selection);
    const job = await this.longLivedChannels.start({ selection, requestedBy: callerOf(request) });
    return this.accepted(job.id, response);
  }

  @Post('conversations')
  @HttpCode(200)
  @ApiOperation({ summary: 'Close stale conversations (Flex Conversations mode) by state, age, number or SID (dry run first)' })
  @ApiCleanupAnswers()
  @ApiErrorExamples({ 400: [ERROR_EXAMPLES.validationFailed] })
  async cleanUpConversations(
    @Body() body: ConversationCleanupRequestDto,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CleanupPreview | CleanupJobView> {
    const { dryRun, keepWithOpenTask, olderThanDays, olderThanHours, ...rest } = body;
    const selection = { ...rest, ...ageOf(olderThanDays, olderThanHours) };
    if (dryRun) return this.conversations.preview(selection, { keepWithOpenTask });
    const job = await this.conversations.start({ selection, options: { keepWithOpenTask }, requestedBy: callerOf(request) });
    return this.accepted(job.id, response);
  }

  @Get('jobs')
  @ApiOperation({ summary: 'Recent clean-up jobs, newest first, with their progress' })
  @ApiOkResponse({ type: [CleanupJobViewDto] })
  list(@Query() query: CleanupJobListQueryDto): Promise<CleanupJobView[]> {
    return this.jobs.list(query.limit ?? 20);
  }

  @Get('jobs/:id')
  @ApiOperation({ summary: 'A job: status, progress (done / failed / total, rate, ETA) and its first errors' })
  @ApiOkResponse({ type: CleanupJobViewDto })
  @ApiErrorExamples({ 404: [JOB_NOT_FOUND] })
  get(@Param() params: CleanupJobParamsDto): Promise<CleanupJobView> {
    return this.jobs.get(params.id);
  }

  @Get('jobs/:id/items')
  @ApiOperation({ summary: "A job's items in one status (default: failed, with their errors)" })
  @ApiOkResponse({ type: CleanupItemListDto })
  @ApiErrorExamples({ 404: [JOB_NOT_FOUND] })
  async items(@Param() params: CleanupJobParamsDto, @Query() query: CleanupItemsQueryDto): Promise<CleanupItemListDto> {
    return { items: await this.jobs.items(params.id, query.status ?? 'failed', query.limit ?? 100) };
  }

  @Post('jobs/:id/cancel')
  @HttpCode(202)
  @ApiOperation({ summary: 'Stop a job: items not reached yet are left untouched' })
  @ApiAcceptedResponse({ type: CleanupJobViewDto })
  @ApiErrorExamples({ 404: [JOB_NOT_FOUND], 409: [{ code: 'CLEANUP_JOB_FINISHED', message: 'Clean-up job 6f1c… has already finished (completed)' }] })
  async cancel(@Param() params: CleanupJobParamsDto): Promise<CleanupJobView> {
    await cancelCleanupJob(this.store, params.id);
    return this.jobs.get(params.id);
  }

  private async accepted(jobId: string, response: Response): Promise<CleanupJobView> {
    response.status(202).location(`/api/v1/cleanup/jobs/${jobId}`);
    return this.jobs.get(jobId);
  }
}

/** Days and hours add up to one age in hours; neither given means no age criterion. */
function ageOf(olderThanDays: number | undefined, olderThanHours: number | undefined): { olderThanHours?: number } {
  return olderThanDays !== undefined || olderThanHours !== undefined ? { olderThanHours: (olderThanDays ?? 0) * 24 + (olderThanHours ?? 0) } : {};
}
