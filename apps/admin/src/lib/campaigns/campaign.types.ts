// Campaigns as the API shows them (apps/api/src/campaigns): one body or template to a list, paced per sender.
import type { Schema } from '../api/wire';

export type Campaign = Schema<'CampaignViewDto'>;
export type CampaignReport = Schema<'CampaignReportDto'>;
export type CampaignStatus = Campaign['status'];
export type CampaignRecipientPage = Schema<'CampaignRecipientListDto'>;
export type CampaignRecipient = Schema<'CampaignRecipientDto'>;
export type RecipientState = CampaignRecipient['state'];
export type CampaignAction = 'pause' | 'resume' | 'cancel';

export const CAMPAIGN_STATUS_LABEL: Record<CampaignStatus, string> = {
  preparing: 'Preparing',
  dry_run: 'Dry run',
  scheduled: 'Scheduled',
  running: 'Running',
  paused: 'Paused',
  stopped: 'Stopped for review',
  cancelled: 'Cancelled',
  completed: 'Completed',
};

export const RECIPIENT_STATE_LABEL: Record<RecipientState, string> = {
  pending: 'Pending',
  sending: 'Sending',
  sent: 'Sent',
  failed: 'Failed',
  invalid: 'Invalid',
  duplicate: 'Duplicate',
  opted_out: 'Opted out',
  in_conversation: 'In a conversation',
  cancelled: 'Cancelled',
};

/** What each status lets an operator do (the API answers 409 CAMPAIGN_STATE_CONFLICT otherwise). */
export const ACTIONS_BY_STATUS: Record<CampaignStatus, readonly CampaignAction[]> = {
  preparing: [],
  dry_run: [],
  scheduled: ['pause', 'cancel'],
  running: ['pause', 'cancel'],
  paused: ['resume', 'cancel'],
  stopped: ['resume', 'cancel'],
  cancelled: [],
  completed: [],
};

/** A status after which nothing changes any more: the console stops asking. */
export function isFinished(status: CampaignStatus): boolean {
  return status === 'completed' || status === 'cancelled' || status === 'dry_run';
}

/** How far the campaign is: recipients to send that are settled, of all recipients to send. */
export function progressOf(campaign: Pick<Campaign, 'counts' | 'report'>): { done: number; total: number; percent: number } {
  const total = campaign.report?.toSend ?? 0;
  const left = campaign.counts.pending + campaign.counts.sending;
  const done = Math.max(0, total - left);
  return { done, total, percent: total === 0 ? 100 : Math.round((done / total) * 100) };
}

/** Where the console downloads a campaign's results (the proxy forwards it to GET /api/v1/campaigns/{id}/recipients.csv). */
export function resultsCsvPath(campaignId: string): string {
  return `/api/v1/campaigns/${encodeURIComponent(campaignId)}/recipients.csv`;
}
