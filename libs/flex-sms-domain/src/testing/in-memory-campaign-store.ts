import type { Campaign, CampaignRecipient, CampaignReport, CampaignSettings, CampaignStatus, RecipientState } from '../campaigns/campaign';
import type { AbandonedClaim, CampaignStore, ClaimedRecipient, NewCampaignRecipient, RecipientOutcome } from '../ports/campaign-store.port';

/**
 * CampaignStore's reference behaviour for unit tests (one process: a claim is a synchronous step). `journal` answers
 * the abandoned-claim lookups by idempotency key.
 */
export class InMemoryCampaignStore implements CampaignStore {
  readonly campaigns = new Map<string, Campaign>();
  readonly recipients = new Map<string, CampaignRecipient[]>();
  readonly claims = new Map<string, string>();
  readonly nextSlot = new Map<string, number>();
  readonly journal = new Map<string, AbandonedClaim['request']>();
  private sequence = 0;

  async create(campaign: { settings: CampaignSettings; createdBy: string; createdAt: Date }): Promise<string> {
    const id = `campaign-${++this.sequence}`;
    this.campaigns.set(id, {
      ...campaign.settings,
      id,
      status: 'preparing',
      createdBy: campaign.createdBy,
      createdAt: campaign.createdAt,
      startedAt: null,
      finishedAt: null,
      report: null,
      stopReason: null,
      backoffLevel: 0,
      backoffUntil: null,
    });
    this.recipients.set(id, []);
    for (const sender of campaign.settings.senders) if (!this.nextSlot.has(sender)) this.nextSlot.set(sender, 0);
    return id;
  }

  async remove(campaignId: string): Promise<void> {
    this.campaigns.delete(campaignId);
    this.recipients.delete(campaignId);
  }

  async addRecipients(campaignId: string, recipients: readonly NewCampaignRecipient[]): Promise<void> {
    const campaign = this.campaigns.get(campaignId)!;
    this.recipients.get(campaignId)!.push(
      ...recipients.map((recipient) => ({
        ...recipient,
        campaignId,
        notBefore: campaign.startAt ?? campaign.createdAt,
        requestId: null,
        error: null,
        deliveryStatus: null,
        deliveryErrorCode: null,
        settledAt: null,
      })),
    );
  }

  async numbersAlreadyListed(campaignId: string, numbers: readonly string[]): Promise<Map<string, number>> {
    const listed = new Map<string, number>();
    for (const recipient of this.recipients.get(campaignId) ?? []) {
      if (
        numbers.includes(recipient.toNumber) &&
        recipient.state !== 'invalid' &&
        recipient.state !== 'duplicate' &&
        !listed.has(recipient.toNumber)
      ) {
        listed.set(recipient.toNumber, recipient.row);
      }
    }
    return listed;
  }

  async previousSenders(numbers: readonly string[]): Promise<Map<string, string>> {
    const sent = [...this.recipients.values()].flat().filter((recipient) => recipient.state === 'sent' && numbers.includes(recipient.toNumber));
    sent.sort((a, b) => (a.settledAt?.getTime() ?? 0) - (b.settledAt?.getTime() ?? 0));
    return new Map(sent.map((recipient) => [recipient.toNumber, recipient.fromNumber as string]));
  }

  async finishPreparing(campaignId: string, report: CampaignReport, status: CampaignStatus): Promise<void> {
    const campaign = this.campaigns.get(campaignId)!;
    Object.assign(campaign, { report, status, startedAt: status === 'running' ? campaign.createdAt : null });
  }

  async get(campaignId: string): Promise<Campaign | null> {
    const campaign = this.campaigns.get(campaignId);
    return campaign ? { ...campaign } : null;
  }

  async transition(campaignId: string, from: readonly CampaignStatus[], to: CampaignStatus, at: Date, stopReason?: string): Promise<Campaign | null> {
    const campaign = this.campaigns.get(campaignId);
    if (!campaign || !from.includes(campaign.status)) return null;
    Object.assign(campaign, { status: to, stopReason: stopReason ?? null, startedAt: campaign.startedAt ?? (to === 'running' ? at : null) });
    if (to === 'cancelled' || to === 'completed') campaign.finishedAt = at;
    if (to === 'running') Object.assign(campaign, { backoffLevel: 0, backoffUntil: null });
    return { ...campaign };
  }

  async cancelPending(campaignId: string, at: Date): Promise<void> {
    for (const recipient of this.recipients.get(campaignId) ?? [])
      if (recipient.state === 'pending') Object.assign(recipient, { state: 'cancelled', settledAt: at });
  }

  async startDue(now: Date): Promise<string[]> {
    const started: string[] = [];
    for (const campaign of this.campaigns.values()) {
      if (campaign.status === 'scheduled' && campaign.startAt && campaign.startAt <= now) {
        Object.assign(campaign, { status: 'running', startedAt: now });
        started.push(campaign.id);
      }
    }
    return started;
  }

  async anyRunning(): Promise<boolean> {
    return [...this.campaigns.values()].some((campaign) => campaign.status === 'running');
  }

  async claimNext(instanceId: string, now: Date, lookaheadMs: number): Promise<ClaimedRecipient | null> {
    const senders = [...this.nextSlot.entries()].filter(([, slot]) => slot <= now.getTime() + lookaheadMs).sort((a, b) => a[1] - b[1]);
    for (const [sender, slot] of senders) {
      for (const campaign of [...this.campaigns.values()].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())) {
        if (campaign.status !== 'running' || (campaign.backoffUntil && campaign.backoffUntil > now)) continue;
        const recipient = this.recipients
          .get(campaign.id)!
          .find((r) => r.fromNumber === sender && r.state === 'pending' && (r.notBefore?.getTime() ?? 0) <= now.getTime());
        if (!recipient) continue;
        recipient.state = 'sending';
        this.claims.set(`${campaign.id}:${recipient.position}`, instanceId);
        const slotAt = Math.max(slot, now.getTime());
        this.nextSlot.set(sender, slotAt + (1000 / campaign.pacingPerSecond) * 2 ** campaign.backoffLevel);
        return { campaign: { ...campaign }, recipient: { ...recipient }, slotAt };
      }
    }
    return null;
  }

  async release(campaignId: string, position: number, notBefore: Date): Promise<void> {
    const recipient = this.recipient(campaignId, position);
    if (recipient?.state !== 'sending') return;
    // A campaign cancelled while the recipient was claimed: the cancel reached only the pending ones.
    if (this.campaigns.get(campaignId)?.status === 'cancelled') Object.assign(recipient, { state: 'cancelled', settledAt: notBefore });
    else Object.assign(recipient, { state: 'pending', notBefore });
  }

  async settle(campaignId: string, position: number, outcome: RecipientOutcome, at: Date): Promise<void> {
    const recipient = this.recipient(campaignId, position);
    if (recipient?.state !== 'sending') return;
    Object.assign(recipient, {
      state: outcome.state,
      requestId: outcome.state === 'in_conversation' ? null : outcome.requestId,
      error: outcome.state === 'sent' ? null : outcome.error,
      reason: outcome.state === 'in_conversation' ? outcome.reason : recipient.reason,
      settledAt: at,
    });
  }

  async completeIfDone(campaignId: string, at: Date): Promise<boolean> {
    const campaign = this.campaigns.get(campaignId);
    if (campaign?.status !== 'running') return false;
    if ((this.recipients.get(campaignId) ?? []).some((recipient) => recipient.state === 'pending' || recipient.state === 'sending')) return false;
    Object.assign(campaign, { status: 'completed', finishedAt: at });
    return true;
  }

  async backOff(campaignId: string, until: Date): Promise<void> {
    const campaign = this.campaigns.get(campaignId)!;
    campaign.backoffLevel = Math.min(6, campaign.backoffLevel + 1);
    if (!campaign.backoffUntil || campaign.backoffUntil < until) campaign.backoffUntil = until;
  }

  async recover(campaignId: string, now: Date): Promise<void> {
    const campaign = this.campaigns.get(campaignId)!;
    if (campaign.backoffLevel > 0 && (!campaign.backoffUntil || campaign.backoffUntil <= now))
      Object.assign(campaign, { backoffLevel: campaign.backoffLevel - 1, backoffUntil: null });
  }

  async abandonedClaims(isAlive: (instanceId: string) => Promise<boolean>, limit: number): Promise<AbandonedClaim[]> {
    const claims: AbandonedClaim[] = [];
    for (const recipient of [...this.recipients.values()].flat()) {
      const owner = this.claims.get(`${recipient.campaignId}:${recipient.position}`);
      if (recipient.state !== 'sending' || owner === undefined || (await isAlive(owner))) continue;
      claims.push({ recipient: { ...recipient }, request: this.journal.get(`campaign:${recipient.campaignId}:${recipient.position}`) ?? null });
      if (claims.length === limit) break;
    }
    return claims;
  }

  async recordDelivery(requestId: string, status: string, errorCode: number | null): Promise<CampaignRecipient | null> {
    const recipient = [...this.recipients.values()].flat().find((candidate) => candidate.requestId === requestId);
    if (!recipient) return null;
    Object.assign(recipient, { deliveryStatus: status, deliveryErrorCode: errorCode ?? recipient.deliveryErrorCode });
    return { ...recipient };
  }

  async countDeliveryErrors(campaignId: string, fromNumber: string, errorCode: number): Promise<number> {
    return (this.recipients.get(campaignId) ?? []).filter(
      (recipient) => recipient.fromNumber === fromNumber && recipient.deliveryErrorCode === errorCode,
    ).length;
  }

  async countsByState(campaignId: string): Promise<Partial<Record<RecipientState, number>>> {
    const counts: Partial<Record<RecipientState, number>> = {};
    for (const recipient of this.recipients.get(campaignId) ?? []) counts[recipient.state] = (counts[recipient.state] ?? 0) + 1;
    return counts;
  }

  private recipient(campaignId: string, position: number): CampaignRecipient | undefined {
    return this.recipients.get(campaignId)?.find((recipient) => recipient.position === position);
  }
}
