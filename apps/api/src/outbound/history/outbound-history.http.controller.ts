import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { OutboundRequestNotFound, type Journal, type JournalEntry } from '@flex-sms/domain';
import { CallerDirectory } from '../../auth/caller-directory';
import { pageOf } from '../../common/paging.query.dto';
import { Roles } from '../../auth/roles.decorator';
import { JOURNAL } from '../../journal/journal.module';
import { OutboundHistory, OutboundHistoryPage } from '../../journal/outbound-history';
import { ApiErrorExamples } from '../../common/api-error-examples.decorator';
import { OutboundHistoryQueryDto } from './outbound-history.query.dto';
import { OutboundHistoryPageDto, OutboundRequestDto } from './outbound-request.response.dto';

/** The journal records callers by reference; people read the username or the key's name beside it. */
type WithCallerName<T> = T & { callerName: string | null };

@ApiTags('Outbound SMS')
@Controller('outbound')
@Roles('operator')
export class OutboundHistoryController {
  constructor(
    @Inject(JOURNAL) private readonly journal: Journal,
    private readonly history: OutboundHistory,
    private readonly callers: CallerDirectory,
  ) {}

  @Get()
  @ApiOperation({ summary: 'List outbound SMS requests, newest first', description: 'Filters combine (AND). Each row is the request without its steps.' })
  @ApiOkResponse({ type: OutboundHistoryPageDto })
  @ApiErrorExamples({ 400: [{ code: 'VALIDATION_FAILED', message: 'The request has 1 invalid field.', details: [{ field: 'status', message: 'status must be one of the following values: in_flight, succeeded, failed, rolled_back' }] }] })
  async list(@Query() query: OutboundHistoryQueryDto): Promise<OutboundHistoryPage & { items: WithCallerName<OutboundHistoryPage['items'][number]>[] }> {
    const { page, pageSize } = pageOf(query);
    const found = await this.history.list({
      status: query.status,
      kind: query.kind,
      number: query.number,
      caller: query.caller,
      since: query.since ? new Date(query.since) : undefined,
      until: query.until ? new Date(query.until) : undefined,
      page,
      pageSize,
    });
    return { ...found, items: await this.withCallerNames(found.items) };
  }

  @Get(':id')
  @ApiOperation({ summary: 'One outbound SMS request with its steps, follow-up work and rollback record' })
  @ApiParam({ name: 'id', example: 'req_6f1d2c3b4a5e6f708192a3b4' })
  @ApiOkResponse({ type: OutboundRequestDto })
  @ApiErrorExamples({ 404: [{ code: 'OUTBOUND_REQUEST_NOT_FOUND', message: 'Outbound SMS request req_000 was not found', context: { requestId: 'req_000' } }] })
  async get(@Param('id') id: string): Promise<WithCallerName<JournalEntry>> {
    const entry = await this.journal.get(id);
    if (!entry) throw new OutboundRequestNotFound(id);
    const [named] = await this.withCallerNames([entry]);
    return named;
  }

  private async withCallerNames<T extends { caller: string }>(entries: T[]): Promise<WithCallerName<T>[]> {
    const names = await this.callers.namesOf(entries.map((entry) => entry.caller));
    return entries.map((entry) => ({ ...entry, callerName: names.get(entry.caller) ?? null }));
  }
}
