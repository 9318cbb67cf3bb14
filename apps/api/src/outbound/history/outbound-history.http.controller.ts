import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { OutboundRequestNotFound, type Journal, type JournalEntry } from '@flex-sms/domain';
import { Caller, callerReference } from '../../auth/caller';
import { CallerDirectory } from '../../auth/caller-directory';
import { ConfinedToSenders } from '../../auth/confined-to-senders.decorator';
import { CurrentCaller } from '../../auth/current-caller.decorator';
import { maySeeSender } from '../../auth/sender-restriction';
import { pageOf } from '../../common/paging.query.dto';
import { Roles } from '../../auth/roles.decorator';
import { JOURNAL } from '../../journal/journal.module';
import { OutboundHistory, OutboundHistoryPage } from '../../journal/outbound-history';
import { ApiErrorExamples } from '../../common/api-error-examples.decorator';
import { deliveryView, type DeliveryView } from '../../delivery/request-delivery';
import { SqlDeliveryLog, type DeliveryEvent } from '../../delivery/sql-delivery-log';
import { OutboundHistoryQueryDto } from './outbound-history.query.dto';
import { OutboundHistoryPageDto, OutboundRequestDto } from './outbound-request.response.dto';

/** The journal records callers by reference; people read the username or the key's name beside it. */
type WithCallerName<T> = T & { callerName: string | null };
type WithDelivery<T, D = DeliveryView> = T & { delivery: D | null };

@ApiTags('Outbound SMS')
@Controller('outbound')
@Roles('operator')
export class OutboundHistoryController {
  constructor(
    @Inject(JOURNAL) private readonly journal: Journal,
    private readonly history: OutboundHistory,
    private readonly callers: CallerDirectory,
    private readonly deliveries: SqlDeliveryLog,
  ) {}

  @Get()
  @ConfinedToSenders()
  @ApiOperation({
    summary: 'List outbound SMS requests, newest first',
    description:
      'Filters combine (AND). Each row is the request without its steps. An API key restricted to sender numbers sees only requests from them.',
  })
  @ApiOkResponse({ type: OutboundHistoryPageDto })
  @ApiErrorExamples({
    400: [
      {
        code: 'VALIDATION_FAILED',
        message: 'The request has 1 invalid field.',
        details: [{ field: 'status', message: 'status must be one of the following values: in_flight, succeeded, failed, rolled_back' }],
      },
    ],
  })
  async list(
    @Query() query: OutboundHistoryQueryDto,
    @CurrentCaller() caller: Caller,
  ): Promise<OutboundHistoryPage & { items: WithDelivery<WithCallerName<OutboundHistoryPage['items'][number]>>[] }> {
    const { page, pageSize } = pageOf(query);
    const found = await this.history.list({
      status: query.status,
      kind: query.kind,
      delivery: query.delivery,
      number: query.number,
      caller: query.caller,
      fromNumbers: caller.allowedFromNumbers,
      since: query.since ? new Date(query.since) : undefined,
      until: query.until ? new Date(query.until) : undefined,
      page,
      pageSize,
    });
    const [named, deliveries] = await Promise.all([
      this.withCallerNames(found.items.map((item) => asSeenBy(caller, item))),
      this.deliveries.ofRequests(found.items.map((item) => item.id)),
    ]);
    return { ...found, items: named.map((item) => ({ ...item, delivery: deliveryView(item, deliveries.get(item.id)) })) };
  }

  @Get(':id')
  @ConfinedToSenders()
  @ApiOperation({ summary: 'One outbound SMS request with its steps, follow-up work and rollback record' })
  @ApiParam({ name: 'id', example: 'req_6f1d2c3b4a5e6f708192a3b4' })
  @ApiOkResponse({ type: OutboundRequestDto })
  @ApiErrorExamples({
    404: [{ code: 'OUTBOUND_REQUEST_NOT_FOUND', message: 'Outbound SMS request req_000 was not found', context: { requestId: 'req_000' } }],
  })
  async get(
    @Param('id') id: string,
    @CurrentCaller() caller: Caller,
  ): Promise<WithDelivery<WithCallerName<JournalEntry>, DeliveryView & { history: DeliveryEvent[] }>> {
    const entry = await this.journal.get(id);
    // Another number's request is "not found" to a restricted key, rather than forbidden: its id tells nothing.
    if (!entry || !maySeeSender(caller, entry.fromNumber)) throw new OutboundRequestNotFound(id);
    const [[named], deliveries, history] = await Promise.all([
      this.withCallerNames([asSeenBy(caller, entry)]),
      this.deliveries.ofRequests([entry.id]),
      this.deliveries.historyOf(entry.id),
    ]);
    const delivery = deliveryView(entry, deliveries.get(entry.id));
    return { ...named, delivery: delivery && { ...delivery, history } };
  }

  private async withCallerNames<T extends { caller: string }>(entries: T[]): Promise<WithCallerName<T>[]> {
    const names = await this.callers.namesOf(entries.map((entry) => entry.caller));
    return entries.map((entry) => ({ ...entry, callerName: names.get(entry.caller) ?? null }));
  }
}

/**
 * A request as this caller may see it. A key restricted to sender numbers also sees what others sent from them, but
 * not their Idempotency-Keys or callback URLs: those are each caller's own (a URL may carry the receiver's token).
 */
function asSeenBy<T extends { caller: string; idempotencyKey: string | null; statusCallbackUrl?: string }>(caller: Caller, entry: T): T {
  if (caller.allowedFromNumbers === undefined || entry.caller === callerReference(caller)) return entry;
  const { statusCallbackUrl: _theirs, ...seen } = entry;
  return { ...seen, idempotencyKey: null } as T;
}
