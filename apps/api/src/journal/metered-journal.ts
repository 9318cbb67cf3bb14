import { performance } from 'node:perf_hooks';
import type {
  BegunRequest,
  ConsentQuestion,
  ErrorRecord,
  Journal,
  OutboundRequestRecord,
  PendingStepName,
  RequestOutcome,
  StepRecord,
  UnwrittenRecords,
} from '@flex-sms/domain';
import { currentRequestContext } from '../common/request-context';
import type { Metrics } from '../metrics/metrics';
import { FLOW_LABEL } from '../metrics/send-labels';
import { ForwardingJournal } from './forwarding-journal';

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
export class MeteredJournal extends ForwardingJournal {
  /** Sends begun in this process and not finished yet. An entry left by a crash is finished by the next process, uncounted. */
  private readonly inFlight = new Map<string, SendInFlight>();

  constructor(
    journal: Journal,
    private readonly metrics: Metrics,
  ) {
    super(journal);
  }

  override async begin(request: OutboundRequestRecord, startedAt: Date): Promise<string> {
    const requestId = await this.timed('begin', () => this.inner.begin(request, startedAt));
    this.begun(requestId, request);
    return requestId;
  }

  override async beginAskingConsent(request: OutboundRequestRecord, startedAt: Date, question: ConsentQuestion): Promise<BegunRequest> {
    const begun = await this.timed('begin', () => this.inner.beginAskingConsent(request, startedAt, question));
    this.begun(begun.id, request);
    return begun;
  }

  override async finish(requestId: string, outcome: RequestOutcome, unwritten?: UnwrittenRecords): Promise<void> {
    const send = this.inFlight.get(requestId);
    try {
      await this.timed('finish', () => this.inner.finish(requestId, outcome, unwritten));
    } finally {
      this.inFlight.delete(requestId);
    }
    // Counted once its outcome is recorded. One that could not be (the database down) answers DATABASE_UNAVAILABLE,
    // which errors_total counts, and is settled by start-up recovery.
    if (!send) return;
    this.metrics.sends.inc({ flow: send.flow, mode: send.mode, channel: send.channel, outcome: outcome.status });
    this.metrics.sendDuration.observe({ flow: send.flow, mode: send.mode, outcome: outcome.status }, (performance.now() - send.startedAt) / 1000);
  }

  override recordStep(requestId: string, step: StepRecord): Promise<void> {
    return this.timed('record_step', () => this.inner.recordStep(requestId, step));
  }

  override recordSteps(requestId: string, steps: readonly StepRecord[]): Promise<void> {
    return this.timed('record_steps', () => this.inner.recordSteps(requestId, steps));
  }

  override recordClaim(requestId: string, steps: readonly StepRecord[], sidKey: string): Promise<'created' | 'reused'> {
    return this.timed('record_claim', () => this.inner.recordClaim(requestId, steps, sidKey));
  }

  override settlePendingStep(
    requestId: string,
    name: PendingStepName,
    outcome: { status: 'done' | 'failed' | 'pending'; at: Date; error?: ErrorRecord },
    steps?: readonly StepRecord[],
  ): Promise<void> {
    return this.timed('settle_pending_step', () => this.inner.settlePendingStep(requestId, name, outcome, steps));
  }

  private begun(requestId: string, request: OutboundRequestRecord): void {
    // The runner records the mode it chose in the input (conversations); a request without one (or with `legacy`, the
    // name chat-proxy had before) runs on Chat + Proxy.
    const mode = request.input.mode === 'conversations' ? 'conversations' : 'chat-proxy';
    this.inFlight.set(requestId, { flow: FLOW_LABEL[request.kind], mode, channel: request.channel ?? 'sms', startedAt: performance.now() });
    const context = currentRequestContext();
    if (context) context.journaled = true;
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
