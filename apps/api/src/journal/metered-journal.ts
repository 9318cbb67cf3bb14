import { performance } from 'node:perf_hooks';
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
import { currentRequestContext } from '../common/request-context';
import type { Metrics } from '../metrics/metrics';
import { FLOW_LABEL } from '../metrics/send-labels';

interface SendInFlight {
  flow: string;
  mode: string;
  channel: string;
  startedAt: number;
}

/**
 * The journal, measured. Each write is timed (journal_write_duration_seconds). And since every send is journaled
 * before its first Twilio request and finished with its outcome, the sends are counted here, whoever started them
 * (a route, or later a job): sends_total and send_duration_seconds, labelled with what the request recorded.
 */
export class MeteredJournal implements Journal {
  /** Sends begun in this process and not finished yet. An entry left by a crash is finished by the next process, uncounted. */
  private readonly inFlight = new Map<string, SendInFlight>();

  constructor(
    private readonly journal: Journal,
    private readonly metrics: Metrics,
  ) {}

  async begin(request: OutboundRequestRecord, startedAt: Date): Promise<string> {
    const requestId = await this.timed('begin', () => this.journal.begin(request, startedAt));
    // The runner records the mode it chose in the input (conversations); a request without one (or with `legacy`, the
    // name chat-proxy had before) ran on Chat + Proxy.
    const mode = request.input.mode === 'conversations' ? 'conversations' : 'chat-proxy';
    this.inFlight.set(requestId, { flow: FLOW_LABEL[request.kind], mode, channel: request.channel ?? 'sms', startedAt: performance.now() });
    const context = currentRequestContext();
    if (context) context.journaled = true;
    return requestId;
  }

  async finish(requestId: string, outcome: RequestOutcome, unwritten?: UnwrittenRecords): Promise<void> {
    const send = this.inFlight.get(requestId);
    try {
      await this.timed('finish', () => this.journal.finish(requestId, outcome, unwritten));
    } finally {
      this.inFlight.delete(requestId);
    }
    // Counted once its outcome is recorded. One that could not be (the database down) answers DATABASE_UNAVAILABLE,
    // which errors_total counts, and is settled by start-up recovery.
    if (!send) return;
    this.metrics.sends.inc({ flow: send.flow, mode: send.mode, channel: send.channel, outcome: outcome.status });
    this.metrics.sendDuration.observe({ flow: send.flow, mode: send.mode, outcome: outcome.status }, (performance.now() - send.startedAt) / 1000);
  }

  recordStep(requestId: string, step: StepRecord): Promise<void> {
    return this.timed('record_step', () => this.journal.recordStep(requestId, step));
  }

  recordSteps(requestId: string, steps: readonly StepRecord[]): Promise<void> {
    return this.timed('record_steps', () => this.journal.recordSteps(requestId, steps));
  }

  recordClaim(requestId: string, steps: readonly StepRecord[], sidKey: string): Promise<'created' | 'reused'> {
    return this.timed('record_claim', () => this.journal.recordClaim(requestId, steps, sidKey));
  }

  settlePendingStep(
    requestId: string,
    name: PendingStepName,
    outcome: { status: 'done' | 'failed' | 'pending'; at: Date; error?: ErrorRecord },
    steps?: readonly StepRecord[],
  ): Promise<void> {
    return this.timed('settle_pending_step', () => this.journal.settlePendingStep(requestId, name, outcome, steps));
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

  private async timed<T>(operation: string, write: () => Promise<T>): Promise<T> {
    const started = performance.now();
    try {
      return await write();
    } finally {
      this.metrics.journalWriteDuration.observe({ operation }, (performance.now() - started) / 1000);
    }
  }
}
