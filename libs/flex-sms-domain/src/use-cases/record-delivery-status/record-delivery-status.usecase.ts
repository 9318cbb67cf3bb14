import type { Clock } from '../../ports/clock.port';
import type { DeliveryLog, DeliveryObserver, DeliveryReport, MessageDelivery } from '../../ports/delivery-log.port';

export interface RecordedDelivery {
  readonly delivery: MessageDelivery;
  /** The report moved the status; false for a repeat or a report older than what is known. */
  readonly changed: boolean;
}

/**
 * A delivery report for a message the product sent goes into its request's history, and the message's status moves
 * if the report supersedes it. Observers hear it when the message now stands where the report says (a repeat
 * included, so a redelivery after an observer failed reaches it again); a stale report is recorded and told to no one.
 *
 * A report about a message the journal does not know is held (null): it may be the product's own message whose send
 * has not journaled it yet (Twilio reports as soon as it queues the SMS, the send writes its journal after Twilio
 * answered), and `applyHeldDeliveryReports` records it once the send has. One that no send claims (another
 * integration's message) is forgotten after a while.
 */
export async function recordDeliveryStatus(
  deps: { log: DeliveryLog; observer?: DeliveryObserver; clock?: Clock },
  report: DeliveryReport,
): Promise<RecordedDelivery | null> {
  let requestId = await deps.log.requestOfMessage(report.messageSid);
  if (!requestId) {
    await deps.log.hold(report, new Date(deps.clock?.now() ?? Date.now()));
    // The send may have journaled the message between the look-up and the hold, and looked for held reports before
    // this one was kept: looking again after holding leaves no gap (the held copy is then released here).
    requestId = await deps.log.requestOfMessage(report.messageSid);
    if (!requestId) return null;
    const recorded = await recordFor(deps, requestId, report);
    await deps.log.releaseHeld([report]);
    return recorded;
  }
  return recordFor(deps, requestId, report);
}

/**
 * Records the held reports of messages the journal now knows (of one request when `requestId` is given: its send has
 * just been recorded), then forgets them; those held longer than `forgetAfterMs` are forgotten too. Safe to run twice
 * and at once with a callback of the same message: recording is idempotent and only moves a status forwards.
 */
export async function applyHeldDeliveryReports(
  deps: { log: DeliveryLog; observer?: DeliveryObserver; clock: Clock },
  query: { requestId?: string; limit: number; forgetAfterMs?: number },
): Promise<number> {
  const held = await deps.log.heldReports({ requestId: query.requestId, limit: query.limit });
  for (const { requestId, report } of held) await recordFor(deps, requestId, report);
  const forgetBefore = query.forgetAfterMs === undefined ? undefined : new Date(deps.clock.now() - query.forgetAfterMs);
  if (held.length > 0 || forgetBefore)
    await deps.log.releaseHeld(
      held.map(({ report }) => report),
      forgetBefore,
    );
  return held.length;
}

async function recordFor(
  deps: { log: DeliveryLog; observer?: DeliveryObserver },
  requestId: string,
  report: DeliveryReport,
): Promise<RecordedDelivery> {
  const recorded = await deps.log.record(requestId, report);
  if (recorded.delivery.status === report.status) await deps.observer?.onDeliveryRecorded(recorded.delivery, recorded.changed);
  return recorded;
}
