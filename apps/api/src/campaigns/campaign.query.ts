import { Inject, Injectable } from '@nestjs/common';
import { CampaignNotFound, RECIPIENT_STATES, systemClock, type Campaign, type CampaignRecipient, type RecipientState } from '@flex-sms/domain';
import type { Caller } from '../auth/caller';
import { DATABASE, Database } from '../store/database';
import { type CampaignRow, type RecipientRow, toCampaign, toRecipient } from './sql-campaign-store';
import { CAMPAIGN_OPTIONS, type CampaignOptions } from './campaigns.tokens';

/** A campaign as the routes answer it: its settings and report, its counts by state, its current rate and ETA. */
export interface CampaignView extends Omit<Campaign, 'createdAt' | 'startedAt' | 'finishedAt' | 'startAt' | 'backoffUntil'> {
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  startAt: string | null;
  backoffUntil: string | null;
  counts: Record<RecipientState, number>;
  /** Recipients settled (sent or failed) per second over the last minute. */
  currentRatePerSecond: number;
  /** Seconds until the last pending recipient is sent at the current pacing (quiet hours aside); null when nothing is left. */
  etaSeconds: number | null;
}

const RATE_WINDOW_MS = 60_000;
const iso = (date: Date | null) => (date ? date.toISOString() : null);

/** Reads for the campaign routes: what a caller may see (a key restricted to some senders: campaigns of those only). */
@Injectable()
export class CampaignQuery {
  constructor(
    @Inject(DATABASE) private readonly db: Database,
    @Inject(CAMPAIGN_OPTIONS) private readonly options: CampaignOptions,
  ) {}

  async list(caller: Caller, limit: number): Promise<CampaignView[]> {
    // Restricted callers: filtered after reading, a page of the newest is small.
    const rows = await this.db.query<CampaignRow>(`SELECT * FROM campaign WHERE status <> 'preparing' ORDER BY created_at DESC, id DESC LIMIT $1`, [
      caller.allowedFromNumbers ? limit * 10 : limit,
    ]);
    const visible = rows
      .map(toCampaign)
      .filter((campaign) => mayOperate(caller, campaign))
      .slice(0, limit);
    return Promise.all(visible.map((campaign) => this.view(campaign)));
  }

  /** The campaign, or CampaignNotFound when it does not exist or the caller may not see it. */
  async campaign(caller: Caller, campaignId: string): Promise<Campaign> {
    const [row] = await this.db.query<CampaignRow>('SELECT * FROM campaign WHERE id = $1', [campaignId]);
    const campaign = row ? toCampaign(row) : null;
    if (!campaign || campaign.status === 'preparing' || !mayOperate(caller, campaign)) throw new CampaignNotFound(campaignId);
    return campaign;
  }

  async get(caller: Caller, campaignId: string): Promise<CampaignView> {
    return this.view(await this.campaign(caller, campaignId));
  }

  async recipients(campaignId: string, filter: { state?: RecipientState; afterPosition?: number; limit: number }): Promise<CampaignRecipient[]> {
    const params: unknown[] = [campaignId, filter.afterPosition ?? -1, filter.limit];
    let where = 'campaign_id = $1 AND position > $2';
    if (filter.state) {
      params.push(filter.state);
      where += ` AND state = $4`;
    }
    const rows = await this.db.query<RecipientRow>(`SELECT * FROM campaign_recipient WHERE ${where} ORDER BY position LIMIT $3`, params);
    return rows.map(toRecipient);
  }

  private async view(campaign: Campaign): Promise<CampaignView> {
    const now = (this.options.clock ?? systemClock).now();
    const [states, recent, perSender] = await Promise.all([
      this.db.query<{ state: RecipientState; n: number }>(
        'SELECT state, count(*) AS n FROM campaign_recipient WHERE campaign_id = $1 GROUP BY state',
        [campaign.id],
      ),
      this.db.query<{ n: number }>(
        `SELECT count(*) AS n FROM campaign_recipient WHERE campaign_id = $1 AND state IN ('sent', 'failed') AND settled_at > $2`,
        [campaign.id, new Date(now - RATE_WINDOW_MS)],
      ),
      this.db.query<{ n: number }>(
        `SELECT count(*) AS n FROM campaign_recipient WHERE campaign_id = $1 AND state IN ('pending', 'sending') GROUP BY from_number ORDER BY n DESC LIMIT 1`,
        [campaign.id],
      ),
    ]);
    const counts = Object.fromEntries(RECIPIENT_STATES.map((state) => [state, 0])) as Record<RecipientState, number>;
    for (const { state, n } of states) counts[state] = n;
    const sinceStart = campaign.startedAt ? Math.max(1_000, Math.min(RATE_WINDOW_MS, now - campaign.startedAt.getTime())) : RATE_WINDOW_MS;
    const busiest = perSender[0]?.n ?? 0;
    const pacing = campaign.pacingPerSecond / 2 ** campaign.backoffLevel;
    const live = ['running', 'scheduled', 'paused', 'stopped'].includes(campaign.status);
    return {
      ...campaign,
      createdAt: campaign.createdAt.toISOString(),
      startedAt: iso(campaign.startedAt),
      finishedAt: iso(campaign.finishedAt),
      startAt: iso(campaign.startAt),
      backoffUntil: iso(campaign.backoffUntil),
      counts,
      currentRatePerSecond: Math.round(((recent[0]?.n ?? 0) / (sinceStart / 1000)) * 100) / 100,
      etaSeconds: live && busiest > 0 ? Math.ceil(busiest / pacing) : null,
    };
  }
}

/** A key restricted to some sender numbers operates the campaigns that send only from them. */
export function mayOperate(caller: Caller, campaign: Campaign): boolean {
  return caller.allowedFromNumbers === undefined || campaign.senders.every((sender) => caller.allowedFromNumbers!.includes(sender));
}
