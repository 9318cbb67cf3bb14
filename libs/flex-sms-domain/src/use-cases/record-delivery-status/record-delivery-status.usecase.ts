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
 * Null: the message is not one of the product's (another integration's, or a request the journal no longer has).
 */
export async function recordDeliveryStatus(
  deps: { log: DeliveryLog; observer?: DeliveryObserver },
  report: DeliveryReport,
): Promise<RecordedDelivery | null> {
  const requestId = await deps.log.requestOfMessage(report.messageSid);
  if (!requestId) return null;
  const recorded = await deps.log.record(requestId, report);
  if (recorded.delivery.status === report.status) await deps.observer?.onDeliveryRecorded(recorded.delivery, recorded.changed);
  return recorded;
}
