import type { Campaign, CampaignRecipient, CampaignReport, CampaignSettings, CampaignStatus, RecipientState } from '../campaigns/campaign';
import type { ErrorRecord, OutboundRequestStatus } from './journal.port';

export type NewCampaignRecipient = Pick<
  CampaignRecipient,
  'position' | 'row' | 'toNumber' | 'toName' | 'variables' | 'fromNumber' | 'state' | 'reason'
>;

/** A recipient an instance claimed, with the campaign it belongs to and the time its sender's slot opens. */
export interface ClaimedRecipient {
  campaign: Campaign;
  recipient: CampaignRecipient;
  /** The sender's pacing slot this send took (epoch ms): it goes out then, not before. */
  slotAt: number;
}

export type RecipientOutcome =
  | { state: 'sent'; requestId: string }
  | { state: 'failed'; requestId: string | null; error: ErrorRecord }
  | { state: 'in_conversation'; reason: string; error: ErrorRecord };

/** A claim whose instance is gone, with what the journal recorded under its idempotency key. */
export interface AbandonedClaim {
  recipient: CampaignRecipient;
  request: { id: string; status: OutboundRequestStatus; error: ErrorRecord | null } | null;
}

/**
 * Campaigns and their recipients, which double as the work queue: N API instances on one PostgreSQL claim
 * recipients with `FOR UPDATE SKIP LOCKED`; the embedded SQLite has one process, whose transactions are the claim.
 */
export interface CampaignStore {
  /** Records a campaign in `preparing`; returns its id. */
  create(campaign: { settings: CampaignSettings; createdBy: string; createdAt: Date }): Promise<string>;
  /** Removes a campaign that failed while being prepared (its recipients too): nothing half-read is left behind. */
  remove(campaignId: string): Promise<void>;
  /** Appends a batch of recipients, in one write. */
  addRecipients(campaignId: string, recipients: readonly NewCampaignRecipient[]): Promise<void>;
  /** Which of `numbers` the campaign already holds as a recipient to send to (a later row is then a duplicate). */
  numbersAlreadyListed(campaignId: string, numbers: readonly string[]): Promise<Map<string, number>>;
  /** The sender each number was last sent from by a campaign. */
  previousSenders(numbers: readonly string[]): Promise<Map<string, string>>;
  /** Records the report and moves the campaign out of `preparing`. */
  finishPreparing(campaignId: string, report: CampaignReport, status: CampaignStatus): Promise<void>;
  get(campaignId: string): Promise<Campaign | null>;
  /** Moves the campaign to `to` if it is in one of `from`; the campaign after, or null when it was not. */
  transition(campaignId: string, from: readonly CampaignStatus[], to: CampaignStatus, at: Date, stopReason?: string): Promise<Campaign | null>;
  /** Settles every recipient still pending as cancelled. */
  cancelPending(campaignId: string, at: Date): Promise<void>;
  /** Starts the scheduled campaigns whose start time has come. */
  startDue(now: Date): Promise<string[]>;
  /** Whether any campaign is running (its recipients may be claimed): an instance with none to run need not poll. */
  anyRunning(): Promise<boolean>;
  /**
   * Claims the next pending recipient of a running campaign whose sender has a pacing slot open by
   * `now + lookaheadMs`, and takes that slot (the sender's next slot moves one interval on), in one transaction.
   */
  claimNext(instanceId: string, now: Date, lookaheadMs: number): Promise<ClaimedRecipient | null>;
  /** Hands a claimed recipient back to the queue, to be sent at or after `notBefore`. */
  release(campaignId: string, position: number, notBefore: Date): Promise<void>;
  settle(campaignId: string, position: number, outcome: RecipientOutcome, at: Date): Promise<void>;
  /** Completes the campaign when no recipient is left pending or sending. */
  completeIfDone(campaignId: string, at: Date): Promise<boolean>;
  /** Twilio is pushing back (429/5xx): slow the campaign by one level until `until`. */
  backOff(campaignId: string, until: Date): Promise<void>;
  /** A send went through: recover one level of pacing, if backed off and past the pause. */
  recover(campaignId: string, now: Date): Promise<void>;
  /** Claims made by instances for which `isAlive` answers false, with their journal entries. */
  abandonedClaims(isAlive: (instanceId: string) => Promise<boolean>, limit: number): Promise<AbandonedClaim[]>;
  /** A delivery status for the recipient whose send was `requestId`; the recipient, when it was a campaign's. */
  recordDelivery(requestId: string, status: string, errorCode: number | null): Promise<CampaignRecipient | null>;
  /** Messages of the campaign from `fromNumber` that failed with `errorCode`. */
  countDeliveryErrors(campaignId: string, fromNumber: string, errorCode: number): Promise<number>;
  countsByState(campaignId: string): Promise<Partial<Record<RecipientState, number>>>;
}
