import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Req } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ManageCleanupSchedules, type CleanupSchedule, type CleanupScheduleChanges } from '@flex-sms/domain';
import type { Request } from 'express';
import { callerOf } from '../idempotency/caller';
import { Roles } from '../auth/roles.decorator';
import { ApiErrorExamples, ERROR_EXAMPLES } from '../common/api-error-examples.decorator';
import { CreateCleanupScheduleRequestDto, UpdateCleanupScheduleRequestDto } from './dto/cleanup-schedule.request.dto';

const SCHEDULE_NOT_FOUND = { code: 'CLEANUP_SCHEDULE_NOT_FOUND', message: 'Clean-up schedule 6f1c… was not found' };

/** Clean-ups run periodically (e.g. daily, Proxy sessions older than 7 days). The API's timer starts each due run as a job. */
@ApiTags('Clean-up')
@Controller('cleanup/schedules')
@Roles('admin')
export class CleanupSchedulesController {
  constructor(private readonly schedules: ManageCleanupSchedules) {}

  @Post()
  @ApiOperation({ summary: 'Create a schedule' })
  @ApiCreatedResponse({ description: 'The schedule' })
  @ApiErrorExamples({ 400: [ERROR_EXAMPLES.validationFailed] })
  create(@Body() body: CreateCleanupScheduleRequestDto, @Req() request: Request): Promise<CleanupSchedule> {
    return this.schedules.create({
      name: body.name,
      kind: body.kind,
      selection: selectionOf(body) ?? {},
      options: body.kind === 'proxy-sessions' ? { markChannelInactive: body.markChannelInactive ?? true } : {},
      everyHours: body.everyHours,
      enabled: body.enabled,
      firstRunAt: body.firstRunAt ? new Date(body.firstRunAt) : undefined,
      createdBy: callerOf(request),
    });
  }

  @Get()
  @ApiOperation({ summary: 'All schedules' })
  async list(): Promise<{ schedules: CleanupSchedule[] }> {
    return { schedules: await this.schedules.list() };
  }

  @Get(':id')
  @ApiOperation({ summary: 'A schedule' })
  @ApiOkResponse({ description: 'The schedule' })
  @ApiErrorExamples({ 404: [SCHEDULE_NOT_FOUND] })
  get(@Param('id', ParseUUIDPipe) id: string): Promise<CleanupSchedule> {
    return this.schedules.get(id);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change a schedule (enable, disable, period, selection, next run)' })
  @ApiOkResponse({ description: 'The schedule, changed' })
  @ApiErrorExamples({ 400: [ERROR_EXAMPLES.validationFailed], 404: [SCHEDULE_NOT_FOUND] })
  update(@Param('id', ParseUUIDPipe) id: string, @Body() body: UpdateCleanupScheduleRequestDto): Promise<CleanupSchedule> {
    const changes: CleanupScheduleChanges = {
      name: body.name,
      everyHours: body.everyHours,
      enabled: body.enabled,
      selection: selectionOf(body),
      options: body.markChannelInactive === undefined ? undefined : { markChannelInactive: body.markChannelInactive },
      nextRunAt: body.nextRunAt ? new Date(body.nextRunAt) : undefined,
    };
    return this.schedules.update(id, changes);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a schedule (its jobs stay)' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiErrorExamples({ 404: [SCHEDULE_NOT_FOUND] })
  async remove(@Param('id', ParseUUIDPipe) id: string): Promise<void> {
    await this.schedules.remove(id);
  }
}

function selectionOf(body: UpdateCleanupScheduleRequestDto): Record<string, unknown> | undefined {
  const proxy = body.proxySessions;
  if (proxy) {
    const { olderThanDays, olderThanHours, ...rest } = proxy;
    const age =
      olderThanDays !== undefined || olderThanHours !== undefined ? { olderThanHours: (olderThanDays ?? 0) * 24 + (olderThanHours ?? 0) } : {};
    return { ...rest, ...age };
  }
  return body.longLivedChannels ? { ...body.longLivedChannels } : undefined;
}
