import type { Clock } from '../../ports/clock.port';
import type { DeliveryLog, DeliveryObserver, DeliveryReport, UnsettledMessage } from '../../ports/delivery-log.port';
import type { MessageDeliveryPort } from '../../ports/message-delivery.port';
import { toDeliveryStatus } from '../../delivery/delivery-status';
import { applyHeldDeliveryReports, recordDeliveryStatus } from '../record-delivery-status/record-delivery-status.usecase';

export interface ReconcileDeliveriesSettings {
  /** How long after a send its callbacks may still come: older unsettled messages are asked about. */
  readonly afterMs: number;
  /** Sends older than this are given up on (Twilio keeps a Message's final status, but a carrier may never send one). */
  readonly maxAgeMs: number;
  /** Messages asked about per run: each costs one or two Twilio requests. */
  readonly batchSize: number;
  /** How long a claimed run keeps other instances out: about one tick. */
  readonly leaseMs: number;
  /** How long a report about a message the journal does not know is held for its send (default an hour). */
  readonly holdReportsMs?: number;
}

/** A send journals its message within its Twilio request timeout; an hour is far beyond any, and bounds the table. */
const HOLD_REPORTS_MS = 60 * 60_000;

export interface ReconcileRun {
  /** False when another instance holds the run. */
  readonly ran: boolean;
  readonly checked: number;
  readonly settled: number;
  readonly failed: number;
  /** Reports held before their send journaled the message, recorded now (their send did not get to it). */
  readonly held: number;
}

/**
 * Callbacks get lost (a network cut, an API down longer than Twilio retries, a callback URL the customer owns), so
 * every send whose delivery is not settled `afterMs` after it succeeded is read back from Twilio and recorded like a
 * callback: the journal converges with no callback at all. Reports held for a message its send had not journaled yet
 * are recorded first. One API instance runs it at a time.
 */
export class ReconcileDeliveries {
  constructor(
    private readonly deps: { log: DeliveryLog; twilio: MessageDeliveryPort; clock: Clock; observer?: DeliveryObserver },
    private readonly settings: ReconcileDeliveriesSettings,
  ) {}

  async run(): Promise<ReconcileRun> {
    const now = this.deps.clock.now();
    if (!(await this.deps.log.claimReconciliationRun(new Date(now), new Date(now + this.settings.leaseMs))))
      return { ran: false, checked: 0, settled: 0, failed: 0, held: 0 };
    // First what a callback told before its send journaled the message, when that send did not apply it (it died, or
    // its publish failed): those messages may then need no Twilio request below.
    const held = await applyHeldDeliveryReports(this.deps, {
      limit: this.settings.batchSize,
      forgetAfterMs: this.settings.holdReportsMs ?? HOLD_REPORTS_MS,
    });
    const sentBefore = new Date(now - this.settings.afterMs);
    const messages = await this.deps.log.unsettled({
      sentAfter: new Date(now - this.settings.maxAgeMs),
      sentBefore,
      checkedBefore: sentBefore,
      limit: this.settings.batchSize,
    });
    let settled = 0;
    let failed = 0;
    for (const message of messages) {
      try {
        const report = await this.readBack(message, new Date(now));
        if (report && (await recordDeliveryStatus(this.deps, report))?.changed) settled += 1;
      } catch {
        // One message Twilio could not answer for does not stop the others; it is asked again next time.
        failed += 1;
      }
      await this.deps.log.markChecked(message, new Date(now));
    }
    return { ran: true, checked: messages.length, settled, failed, held };
  }

  /** What Twilio knows now; null when it has nothing to say yet (no receipt, no relayed SMS). */
  private async readBack(message: UnsettledMessage, now: Date): Promise<DeliveryReport | null> {
    const base = { messageSid: message.messageSid, reportedAt: now, source: 'reconciliation' as const };
    if (message.mode === 'conversations' && message.conversationSid) {
      const [receipt] = await this.deps.twilio.listDeliveryReceipts(message.conversationSid, message.messageSid);
      const status = toDeliveryStatus(receipt?.status);
      if (!receipt || !status) return null;
      return { ...base, channelMessageSid: receipt.channelMessageSid, status, errorCode: receipt.errorCode || null, errorMessage: null };
    }
    const smsSid =
      message.channelMessageSid ??
      (message.proxySessionSid ? (await this.deps.twilio.findRelayedSms(message.proxySessionSid, message.messageSid))?.smsSid : null);
    if (!smsSid) return null;
    const sms = await this.deps.twilio.fetchSmsMessage(smsSid);
    const status = toDeliveryStatus(sms?.status);
    if (!sms || !status) return null;
    return { ...base, channelMessageSid: sms.sid, status, errorCode: sms.errorCode, errorMessage: sms.errorMessage };
  }
}
