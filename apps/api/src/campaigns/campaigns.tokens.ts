import type { Clock } from '@flex-sms/domain';

export const CAMPAIGN_STORE = Symbol('CAMPAIGN_STORE');

/** Tuning of the campaign runner; tests override it (CAMPAIGN_OPTIONS) with a fake clock or a short poll. */
export const CAMPAIGN_OPTIONS = Symbol('CAMPAIGN_OPTIONS');

export interface CampaignOptions {
  /** Sends in flight at once in this instance (the pacing, not this, sets the rate). */
  concurrency: number;
  /** How long an idle loop waits before looking for work again. */
  idlePollMs: number;
  /** How often abandoned claims are settled and scheduled campaigns started. */
  housekeepingMs: number;
  clock?: Clock;
}

export const DEFAULT_CAMPAIGN_OPTIONS: CampaignOptions = { concurrency: 8, idlePollMs: 200, housekeepingMs: 5_000 };
