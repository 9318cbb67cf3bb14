import { Logger } from '@nestjs/common';
import type {
  ErrorRecord,
  FollowUp,
  Journal,
  JournalEntry,
  OutboundRequestRecord,
  PendingStepName,
  RequestOutcome,
  StepRecord,
  UnwrittenRecords,
} from '@flex-sms/domain';
import type { OutboundEvents } from '../events/outbound-events';

/**
 * The journal, telling OutboundEvents of each request's final state (`request.state`) once it is recorded. Every
 * way a request ends goes through `finish`: a send answering its caller, a send undone after a failure, and crash
 * recovery settling what a dead process left in flight. So the change is published from here, once, whoever
 * finished the request, rather than from each of them.
 *
 * The outcome is recorded before the publish, and a publish that fails (an observer's database write) does not
 * undo or fail it: the request's answer stands, and the failure is logged.
 */
export class PublishingJournal implements Journal {
  private readonly logger = new Logger('OutboundEvents');

  constructor(
    private readonly journal: Journal,
    private readonly events: OutboundEvents,
  ) {}

  async finish(requestId: string, outcome: RequestOutcome, unwritten?: UnwrittenRecords): Promise<void> {
    await this.journal.finish(requestId, outcome, unwritten);
    try {
      await this.events.publishOutbound({ kind: 'request.state', requestId, state: outcome.status, at: outcome.finishedAt });
    } catch (error) {
      this.logger.error(`Publishing the ${outcome.status} state of ${requestId} failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  begin(request: OutboundRequestRecord, startedAt: Date): Promise<string> {
    return this.journal.begin(request, startedAt);
  }

  recordStep(requestId: string, step: StepRecord): Promise<void> {
    return this.journal.recordStep(requestId, step);
  }

  recordSteps(requestId: string, steps: readonly StepRecord[]): Promise<void> {
    return this.journal.recordSteps(requestId, steps);
  }

  recordClaim(requestId: string, steps: readonly StepRecord[], sidKey: string): Promise<'created' | 'reused'> {
    return this.journal.recordClaim(requestId, steps, sidKey);
  }

  settlePendingStep(
    requestId: string,
    name: PendingStepName,
    outcome: { status: 'done' | 'failed' | 'pending'; at: Date; error?: ErrorRecord },
    steps?: readonly StepRecord[],
  ): Promise<void> {
    return this.journal.settlePendingStep(requestId, name, outcome, steps);
  }

  get(requestId: string): Promise<JournalEntry | null> {
    return this.journal.get(requestId);
  }

  followUpOf(requestId: string): Promise<FollowUp | null> {
    return this.journal.followUpOf(requestId);
  }

  succeededRequestUsing(sid: string, exceptRequestId: string): Promise<string | null> {
    return this.journal.succeededRequestUsing(sid, exceptRequestId);
  }

  recentChannelsOfPair(fromNumber: string, toNumber: string, limit: number): Promise<string[]> {
    return this.journal.recentChannelsOfPair(fromNumber, toNumber, limit);
  }

  listUnresolved(): Promise<JournalEntry[]> {
    return this.journal.listUnresolved();
  }
}
