import { Controller, Get, Inject, Param } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { OutboundRequestNotFound, type Journal } from '@flex-sms/domain';
import { Caller, callerReference } from '../auth/caller';
import { ConfinedToSenders } from '../auth/confined-to-senders.decorator';
import { CurrentCaller } from '../auth/current-caller.decorator';
import { Roles } from '../auth/roles.decorator';
import { maySeeSender } from '../auth/sender-restriction';
import { ApiErrorExamples } from '../common/api-error-examples.decorator';
import { JOURNAL } from '../journal/journal.module';
import { SystemCallbackListDto } from './dto/system-callback.response.dto';
import { SqlSystemCallbackStore } from './sql-system-callback-store';
import type { SystemCallback } from './system-callback';

@ApiTags('Outbound SMS')
@Controller('outbound')
@Roles('operator')
export class SystemCallbacksController {
  constructor(
    @Inject(JOURNAL) private readonly journal: Journal,
    private readonly callbacks: SqlSystemCallbackStore,
  ) {}

  @Get(':id/callbacks')
  @ConfinedToSenders()
  @ApiOperation({
    summary: 'The system callbacks of one outbound SMS request: each change reported, its attempts and the next one due',
    description: 'A key restricted to sender numbers sees the callbacks of requests from them; another caller’s callback URL shows empty.',
  })
  @ApiParam({ name: 'id', example: 'req_6f1d2c3b4a5e6f708192a3b4' })
  @ApiOkResponse({ type: SystemCallbackListDto })
  @ApiErrorExamples({
    404: [{ code: 'OUTBOUND_REQUEST_NOT_FOUND', message: 'Outbound SMS request req_000 was not found', context: { requestId: 'req_000' } }],
  })
  async list(@Param('id') id: string, @CurrentCaller() caller: Caller): Promise<{ items: SystemCallback[] }> {
    const entry = await this.journal.get(id);
    // As GET /outbound/:id: another number's request is "not found" to a restricted key.
    if (!entry || !maySeeSender(caller, entry.fromNumber)) throw new OutboundRequestNotFound(id);
    const own = caller.allowedFromNumbers === undefined || entry.caller === callerReference(caller);
    const items = await this.callbacks.listForRequest(id);
    // A URL may carry the receiver's token: it is its caller's, as the request's Idempotency-Key is.
    return { items: own ? items : items.map((item) => ({ ...item, url: '' })) };
  }
}
