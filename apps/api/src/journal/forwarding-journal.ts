import type {
  BegunRequest,
  ConsentQuestion,
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

/**
 * A journal that hands every call to an inner one: the base of the journals that add something around it (metering,
 * publishing), so each overrides only what it adds. A journal call one of them forgot to forward was a real bug once;
 * a new Journal method is now forwarded here, once.
 */
export abstract class ForwardingJournal implements Journal {
  protected constructor(protected readonly inner: Journal) {}

  begin(request: OutboundRequestRecord, startedAt: Date): Promise<string> {
    return this.inner.begin(request, startedAt);
  }

  beginAskingConsent(request: OutboundRequestRecord, startedAt: Date, question: ConsentQuestion): Promise<BegunRequest> {
    return this.inner.beginAskingConsent(request, startedAt, question);
  }

  recordStep(requestId: string, step: StepRecord): Promise<void> {
    return this.inner.recordStep(requestId, step);
  }

  recordSteps(requestId: string, steps: readonly StepRecord[]): Promise<void> {
    return this.inner.recordSteps(requestId, steps);
  }

  recordClaim(requestId: string, steps: readonly StepRecord[], sidKey: string): Promise<'created' | 'reused'> {
    return this.inner.recordClaim(requestId, steps, sidKey);
  }

  settlePendingStep(
    requestId: string,
    name: PendingStepName,
    outcome: { status: 'done' | 'failed' | 'pending'; at: Date; error?: ErrorRecord },
    steps?: readonly StepRecord[],
  ): Promise<void> {
    return this.inner.settlePendingStep(requestId, name, outcome, steps);
  }

  finish(requestId: string, outcome: RequestOutcome, unwritten?: UnwrittenRecords): Promise<void> {
    return this.inner.finish(requestId, outcome, unwritten);
  }

  get(requestId: string): Promise<JournalEntry | null> {
    return this.inner.get(requestId);
  }

  followUpOf(requestId: string): Promise<FollowUp | null> {
    return this.inner.followUpOf(requestId);
  }

  succeededRequestUsing(sid: string, exceptRequestId: string): Promise<string | null> {
    return this.inner.succeededRequestUsing(sid, exceptRequestId);
  }

  recentChannelsOfPair(fromNumber: string, toNumber: string, limit: number): Promise<string[]> {
    return this.inner.recentChannelsOfPair(fromNumber, toNumber, limit);
  }

  listUnresolved(): Promise<JournalEntry[]> {
    return this.inner.listUnresolved();
  }
}
