import { OutboundRequestNotFound, TwilioUnavailable, toErrorRecord } from '../../errors';
import type { JournalEntry, PendingStepName } from '../../ports/journal.port';
import { pairLockKey } from '../../ports/pair-lock.port';
import type { OutboundSmsDependencies } from '../../outbound/outbound-dependencies';
import { StepRecorder } from '../../outbound/step-recorder';
import { writeProxySessionAttribute, type ProxySessionAttributeRequest } from '../../steps/chat-proxy/write-proxy-session-attribute.step';

export interface PendingStepsReport {
  requestId: string;
  completed: PendingStepName[];
  /** Twilio was unavailable: still pending, for the next run. */
  postponed: PendingStepName[];
  /** Failed for good (recorded in the journal). */
  failed: PendingStepName[];
}

type Deps = Pick<OutboundSmsDependencies, 'journal' | 'pairLock' | 'clock' | 'chatChannels' | 'retrier'>;

/**
 * Finishes the follow-up work a request recorded before answering (today: writing `proxySession` into the channel
 * attributes). Run right after the answer (the API schedules it) and again at start-up for anything a crash left.
 */
export class CompletePendingSteps {
  constructor(private readonly deps: Deps) {}

  async execute(requestId: string): Promise<PendingStepsReport> {
    const entry = await this.deps.journal.get(requestId);
    if (!entry) throw new OutboundRequestNotFound(requestId);
    // Under the pair's lock: the attribute write is a read-modify-write that must not interleave with a new request.
    return this.deps.pairLock.withLock(pairLockKey(entry.fromNumber, entry.toNumber), () => this.completeUnderLock(requestId));
  }

  private async completeUnderLock(requestId: string): Promise<PendingStepsReport> {
    const report: PendingStepsReport = { requestId, completed: [], postponed: [], failed: [] };
    const entry = (await this.deps.journal.get(requestId)) as JournalEntry;
    const steps = new StepRecorder(this.deps.journal, requestId, this.deps.clock);
    for (const pending of entry.pendingSteps.filter((step) => step.status === 'pending')) {
      try {
        await writeProxySessionAttribute(this.deps, steps, pending.payload as unknown as ProxySessionAttributeRequest);
        await this.deps.journal.settlePendingStep(requestId, pending.name, { status: 'done', at: new Date(this.deps.clock.now()) });
        report.completed.push(pending.name);
      } catch (error) {
        const postpone = error instanceof TwilioUnavailable;
        await this.deps.journal.settlePendingStep(requestId, pending.name, {
          status: postpone ? 'pending' : 'failed',
          at: new Date(this.deps.clock.now()),
          error: toErrorRecord(error),
        });
        (postpone ? report.postponed : report.failed).push(pending.name);
      }
    }
    return report;
  }
}
