import type { Clock } from '@flex-sms/domain';
import { DEFAULT_CAMPAIGN_SEND_CONCURRENCY, type AppConfig } from '../config/app-config';

export const CAMPAIGN_STORE = Symbol('CAMPAIGN_STORE');

/** Tuning of the campaign runner; tests override it (CAMPAIGN_OPTIONS) with a fake clock or a short poll. */
export const CAMPAIGN_OPTIONS = Symbol('CAMPAIGN_OPTIONS');

export interface CampaignOptions {
  /** Sends in flight at once in this instance (CAMPAIGN_SEND_CONCURRENCY: the pacing, not this, sets the rate). */
  concurrency: number;
  /** How long an idle loop waits before looking for work again. */
  idlePollMs: number;
  /** How often abandoned claims are settled and scheduled campaigns started. */
  housekeepingMs: number;
  clock?: Clock;
}

export const DEFAULT_CAMPAIGN_OPTIONS: CampaignOptions = { concurrency: DEFAULT_CAMPAIGN_SEND_CONCURRENCY, idlePollMs: 200, housekeepingMs: 5_000 };

/** The defaults with the concurrency configured by CAMPAIGN_SEND_CONCURRENCY. */
export function campaignOptionsFor(config: AppConfig): CampaignOptions {
  return { ...DEFAULT_CAMPAIGN_OPTIONS, concurrency: config.campaignSendConcurrency };
}
