import { campaignIdempotencyKey, renderBody, type Campaign, type CampaignRecipient } from '../../campaigns/campaign';
import { nextSendableTime } from '../../campaigns/quiet-hours';
import { ConversationConflict, DomainError, ParticipantConflict, TwilioTransientFailure, TwilioUnavailable, toErrorRecord } from '../../errors';
import type { CampaignStore } from '../../ports/campaign-store.port';
import type { Clock } from '../../ports/clock.port';
import type { OutboundSmsResult } from '../../outbound/outbound-sms.result';
import type { SendSystemSmsCommand } from '../send-system-sms/send-system-sms.command';

/** Twilio's carrier-filtering error (30007, "Message filtered"): a sender past the threshold stops its campaign. */
export const CARRIER_FILTERED_ERROR = 30007;

export interface DispatchCampaignRecipientsDependencies {
  store: CampaignStore;
  /** The existing fire-and-forget use case (SendSystemSms.execute). */
  sendSystemSms: (command: SendSystemSmsCommand) => Promise<OutboundSmsResult>;
  clock: Clock;
  /** How far ahead of its pacing slot a recipient may be claimed (it then waits for the slot). */
  lookaheadMs?: number;
  /** The first pause after Twilio pushed back, doubled per level (unless Twilio said Retry-After). */
  backoffBaseMs?: number;
  backoffMaxMs?: number;
}

export type DispatchResult =
  { kind: 'idle' } | { kind: 'sent' | 'failed' | 'skipped' | 'deferred' | 'backed-off' | 'released'; campaignId: string; position: number };

/**
 * Sends campaigns, one recipient at a time per call: claim the next recipient whose sender's pacing slot is open
 * (store: one transaction, SKIP LOCKED on PostgreSQL), wait for the slot, send it as one SendSystemSms request
 * whose idempotency key is (campaign, recipient), settle it. Each API instance runs several of these loops; the
 * pacing holds across all of them because the slot is taken in the database.
 *
 * At most once: a recipient is claimed under the instance's id before its send is journaled. A claim whose
 * instance died is settled from the journal (`reconcile`): the request under its key succeeded → sent; it failed
 * or was undone → failed (it may have reached the customer before failing: never twice); it is still in flight →
 * left until crash recovery settles it; never journaled → back to the queue, since no Twilio request was made.
 */
export class DispatchCampaignRecipients {
  private readonly lookaheadMs: number;
  private readonly backoffBaseMs: number;
  private readonly backoffMaxMs: number;

  constructor(private readonly deps: DispatchCampaignRecipientsDependencies) {
    this.lookaheadMs = deps.lookaheadMs ?? 500;
    this.backoffBaseMs = deps.backoffBaseMs ?? 1_000;
    this.backoffMaxMs = deps.backoffMaxMs ?? 60_000;
  }

  async dispatchNext(instanceId: string): Promise<DispatchResult> {
    const { store, clock } = this.deps;
    const claim = await store.claimNext(instanceId, new Date(clock.now()), this.lookaheadMs);
    if (!claim) return { kind: 'idle' };
    const { campaign, recipient, slotAt } = claim;
    const at = { campaignId: campaign.id, position: recipient.position };

    const sendable = nextSendableTime(recipient.toNumber, campaign.quietHours, clock.now());
    if (sendable > clock.now()) {
      await store.release(campaign.id, recipient.position, new Date(sendable));
      return { kind: 'deferred', ...at };
    }
    const wait = slotAt - clock.now();
    if (wait > 0) await clock.sleep(wait);
    // Paused, cancelled or stopped while waiting for the slot: the recipient goes back untouched.
    const current = await store.get(campaign.id);
    if (current?.status !== 'running') {
      await store.release(campaign.id, recipient.position, new Date(clock.now()));
      return { kind: 'released', ...at };
    }

    try {
      const result = await this.deps.sendSystemSms(this.commandFor(campaign, recipient));
      await store.settle(campaign.id, recipient.position, { state: 'sent', requestId: result.id }, new Date(clock.now()));
      await store.recover(campaign.id, new Date(clock.now()));
      await store.completeIfDone(campaign.id, new Date(clock.now()));
      return { kind: 'sent', ...at };
    } catch (error) {
      return { ...(await this.settleFailure(campaign.id, recipient, error)), ...at };
    }
  }

  /**
   * Settles claims whose instance is gone (see the class comment): how many it settled or released, and how many
   * wait for crash recovery to settle their request first (the caller runs it: no instance may start for a while).
   */
  async reconcile(isAlive: (instanceId: string) => Promise<boolean>, limit = 500): Promise<{ settled: number; awaitingRecovery: number }> {
    const { store, clock } = this.deps;
    let settled = 0;
    let awaitingRecovery = 0;
    for (const { recipient, request } of await store.abandonedClaims(isAlive, limit)) {
      const now = new Date(clock.now());
      if (request?.status === 'in_flight') {
        awaitingRecovery++;
        continue;
      }
      if (!request) await store.release(recipient.campaignId, recipient.position, now);
      else if (request.status === 'succeeded')
        await store.settle(recipient.campaignId, recipient.position, { state: 'sent', requestId: request.id }, now);
      else {
        const error = request.error ?? { code: 'SEND_INTERRUPTED', message: 'The send was interrupted and undone' };
        await store.settle(recipient.campaignId, recipient.position, { state: 'failed', requestId: request.id, error }, now);
      }
      await store.completeIfDone(recipient.campaignId, now);
      settled++;
    }
    return { settled, awaitingRecovery };
  }

  /** Starts the scheduled campaigns whose time has come. */
  startDue(): Promise<string[]> {
    return this.deps.store.startDue(new Date(this.deps.clock.now()));
  }

  /** Whether there is anything to dispatch at all: some campaign running. */
  anyRunning(): Promise<boolean> {
    return this.deps.store.anyRunning();
  }

  /**
   * A delivery status of a send. Past `filteredStopThreshold` carrier-filtered messages from one sender, the
   * campaign stops for review: what a carrier filters keeps being filtered, and sending on burns the sender's
   * reputation.
   */
  async recordDelivery(requestId: string, status: string, errorCode: number | null): Promise<void> {
    const { store, clock } = this.deps;
    const recipient = await store.recordDelivery(requestId, status, errorCode);
    if (!recipient || errorCode !== CARRIER_FILTERED_ERROR || !recipient.fromNumber) return;
    const campaign = await store.get(recipient.campaignId);
    if (!campaign) return;
    const filtered = await store.countDeliveryErrors(campaign.id, recipient.fromNumber, CARRIER_FILTERED_ERROR);
    if (filtered >= campaign.filteredStopThreshold) {
      await store.transition(
        campaign.id,
        ['running', 'scheduled', 'paused'],
        'stopped',
        new Date(clock.now()),
        `${filtered} messages from ${recipient.fromNumber} were filtered by carriers (Twilio ${CARRIER_FILTERED_ERROR}); review the content and the sender's registration, then resume`,
      );
    }
  }

  private commandFor(campaign: Campaign, recipient: CampaignRecipient): SendSystemSmsCommand {
    return {
      fromNumber: recipient.fromNumber ?? '',
      toNumber: recipient.toNumber,
      toName: recipient.toName || recipient.toNumber,
      channel: campaign.channel,
      ...(campaign.contentSid
        ? { contentSid: campaign.contentSid, contentVariables: recipient.variables }
        : { messageBody: renderBody(campaign.body ?? '', recipient.toName, recipient.variables).text }),
      caller: campaign.createdBy,
      idempotencyKey: campaignIdempotencyKey(recipient.campaignId, recipient.position),
    };
  }

  private async settleFailure(
    campaignId: string,
    recipient: CampaignRecipient,
    error: unknown,
  ): Promise<{ kind: 'failed' | 'skipped' | 'backed-off' }> {
    const { store, clock } = this.deps;
    const now = clock.now();
    if (mayRepeat(error)) {
      // Twilio is pushing back (429, 5xx): the recipient waits and the whole campaign slows, nobody is failed.
      const campaign = await store.get(campaignId);
      const level = campaign?.backoffLevel ?? 0;
      const retryAfterMs = error instanceof TwilioUnavailable ? error.retryAfterSeconds * 1000 : (error.retryAfterMs ?? 0);
      const pause = Math.min(this.backoffMaxMs, Math.max(retryAfterMs, this.backoffBaseMs * 2 ** level));
      await store.release(campaignId, recipient.position, new Date(now + pause));
      await store.backOff(campaignId, new Date(now + pause));
      return { kind: 'backed-off' };
    }
    if (error instanceof TwilioUnavailable || error instanceof TwilioTransientFailure) {
      await store.backOff(campaignId, new Date(now + this.backoffBaseMs));
    }
    const record = toErrorRecord(error);
    if (error instanceof ParticipantConflict || error instanceof ConversationConflict) {
      await store.settle(campaignId, recipient.position, { state: 'in_conversation', reason: error.message, error: record }, new Date(now));
    } else {
      const requestId = error instanceof DomainError && typeof error.details.requestId === 'string' ? error.details.requestId : null;
      await store.settle(campaignId, recipient.position, { state: 'failed', requestId, error: record }, new Date(now));
    }
    await store.completeIfDone(campaignId, new Date(now));
    return { kind: error instanceof ParticipantConflict || error instanceof ConversationConflict ? 'skipped' : 'failed' };
  }
}

/**
 * Whether a send Twilio pushed back on can go again without texting twice: a 429 is refused before Twilio does
 * anything; a 5xx or a lost connection may have acted, which only matters once the message itself was being posted
 * (what came before it was undone). A failure that may have texted is settled failed instead: at most once.
 */
function mayRepeat(error: unknown): error is TwilioUnavailable | TwilioTransientFailure {
  if (error instanceof TwilioTransientFailure) return error.kind === 'throttled' || !/message/i.test(error.message);
  if (error instanceof TwilioUnavailable) return error.lastFailure?.kind === 'throttled' || !/message/i.test(error.operation);
  return false;
}
