import type { DeliveryStatus } from '../delivery/delivery-status';
import type { OutboundMode } from '../outbound/outbound-mode';

/** What Twilio said about an outbound message, by a callback or when asked (reconciliation). */
export interface DeliveryReport {
  /** The message the journal knows: the Chat or Conversation message SID (IM…) of the request's `message` step. */
  readonly messageSid: string;
  /** The SMS (SM…) that carried it to the handset, when the report names it. */
  readonly channelMessageSid: string | null;
  readonly status: DeliveryStatus;
  readonly errorCode: number | null;
  readonly errorMessage: string | null;
  /** When Twilio says it changed, or when it was heard when Twilio does not say. */
  readonly reportedAt: Date;
  readonly source: 'callback' | 'reconciliation';
}

/** A request's message as the journal now has it. */
export interface MessageDelivery {
  readonly requestId: string;
  readonly messageSid: string;
  readonly channelMessageSid: string | null;
  readonly status: DeliveryStatus;
  readonly errorCode: number | null;
  readonly errorMessage: string | null;
  readonly updatedAt: Date;
}

/** A sent message whose delivery is not settled yet: what reconciliation asks Twilio about. */
export interface UnsettledMessage {
  readonly requestId: string;
  readonly messageSid: string;
  readonly mode: OutboundMode;
  /** Conversations mode: the conversation the message was posted to. */
  readonly conversationSid: string | null;
  /** Chat + Proxy mode: the session that relayed it. */
  readonly proxySessionSid: string | null;
  readonly channelMessageSid: string | null;
}

/**
 * The journal's delivery history of each request's message (one row per message, one per status reported).
 * Twilio redelivers and reorders callbacks and several API instances hear them at once, so `record` is atomic:
 * it moves the status only when the report `supersedes` it, whatever another writer did in between.
 */
export interface DeliveryLog {
  /** The request whose `message` step posted this message; null for a message the product did not send. */
  requestOfMessage(messageSid: string): Promise<string | null>;

  /**
   * Keeps a report about a message the journal does not know (yet): a callback can come before the send has journaled
   * its message (Proxy's `queued` races the send's own write). Once per message and status; a repeat changes nothing.
   */
  hold(report: DeliveryReport, at: Date): Promise<void>;

  /**
   * Held reports whose message the journal now knows (of one request's message when `requestId` is given), oldest
   * report first, at most `limit`, each with the request it belongs to.
   */
  heldReports(query: { requestId?: string; limit: number }): Promise<{ requestId: string; report: DeliveryReport }[]>;

  /** Forgets these held reports (applied), and those held before `heldBefore` (no send of the product's claimed them). */
  releaseHeld(reports: readonly DeliveryReport[], heldBefore?: Date): Promise<void>;

  /** Adds the report to the message's history (once per status) and moves the message's status if the report supersedes it. */
  record(requestId: string, report: DeliveryReport): Promise<{ delivery: MessageDelivery; changed: boolean }>;

  /**
   * Messages of requests that succeeded between `sentAfter` and `sentBefore` whose status is not settled, not asked
   * about since `checkedBefore`, oldest first, at most `limit`.
   */
  unsettled(query: { sentAfter: Date; sentBefore: Date; checkedBefore: Date; limit: number }): Promise<UnsettledMessage[]>;

  /** Remembers that Twilio was asked about the message (so the next run asks others first). */
  markChecked(message: UnsettledMessage, at: Date): Promise<void>;

  /**
   * Takes the next reconciliation run for this instance: true for one caller among all API instances until
   * `until` (a single conditional UPDATE, as the clean-up schedules are claimed).
   */
  claimReconciliationRun(now: Date, until: Date): Promise<boolean>;
}

/** Told of every report recorded that left the message at the reported status (a repeat too: observers must be idempotent). */
export interface DeliveryObserver {
  /** `changed`: this report moved the status (a redelivered one did not). A throw fails the report (a webhook answers 5xx). */
  onDeliveryRecorded(delivery: MessageDelivery, changed: boolean): Promise<void>;
}
