import { OutboundRequestNotFound, TwilioUnavailable, toErrorRecord } from '../../errors';
import type { FollowUp, PendingStepName } from '../../ports/journal.port';
import { NEVER_LOST, pairLockKey } from '../../ports/pair-lock.port';
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
    const followUp = await this.deps.journal.followUpOf(requestId);
    if (!followUp) throw new OutboundRequestNotFound(requestId);
    // Under the pair's lock: the attribute write is a read-modify-write that must not interleave with a new request.
    return this.deps.pairLock.withLock(pairLockKey(followUp.fromNumber, followUp.toNumber), () => this.completeUnderLock(requestId));
  }

  private async completeUnderLock(requestId: string): Promise<PendingStepsReport> {
    const report: PendingStepsReport = { requestId, completed: [], postponed: [], failed: [] };
    const { pendingSteps } = (await this.deps.journal.followUpOf(requestId)) as FollowUp;
    // The request has answered and is never undone: what the work records goes with its settlement, in one write (a
    // crash before it leaves the step pending, and the work, which checks before it writes, is done again).
    const steps = new StepRecorder(this.deps.journal, requestId, this.deps.clock, NEVER_LOST, { journalAtOnce: () => false });
    for (const pending of pendingSteps.filter((step) => step.status === 'pending')) {
      try {
        await writeProxySessionAttribute(this.deps, steps, pending.payload as unknown as ProxySessionAttributeRequest);
        await steps.settlePending(pending.name, { status: 'done', at: new Date(this.deps.clock.now()) });
        report.completed.push(pending.name);
      } catch (error) {
        const postpone = error instanceof TwilioUnavailable;
        await steps.settlePending(pending.name, {
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
