import { Logger } from '@nestjs/common';
import type { Journal, RequestOutcome, UnwrittenRecords } from '@flex-sms/domain';
import type { OutboundEvents } from '../events/outbound-events';
import { ForwardingJournal } from './forwarding-journal';

/**
 * The journal, telling OutboundEvents of each request's final state (`request.state`) once it is recorded. Every
 * way a request ends goes through `finish`: a send answering its caller, a send undone after a failure, and crash
 * recovery settling what a dead process left in flight. So the change is published from here, once, whoever
 * finished the request, rather than from each of them.
 *
 * The outcome is recorded before the publish, and a publish that fails (an observer's database write) does not
 * undo or fail it: the request's answer stands, and the failure is logged.
 */
export class PublishingJournal extends ForwardingJournal {
  private readonly logger = new Logger('OutboundEvents');

  constructor(
    journal: Journal,
    private readonly events: OutboundEvents,
  ) {
    super(journal);
  }

  override async finish(requestId: string, outcome: RequestOutcome, unwritten?: UnwrittenRecords): Promise<void> {
    await this.inner.finish(requestId, outcome, unwritten);
    try {
      await this.events.publishOutbound({ kind: 'request.state', requestId, state: outcome.status, at: outcome.finishedAt });
    } catch (error) {
      this.logger.error(`Publishing the ${outcome.status} state of ${requestId} failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}
