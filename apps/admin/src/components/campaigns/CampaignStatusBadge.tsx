'use client';
import { StatusBadge, type StatusBadgeProps } from '@twilio-paste/core/status';
import { CAMPAIGN_STATUS_LABEL, type CampaignStatus } from '../../lib/campaigns/campaign.types';

const VARIANT: Record<CampaignStatus, StatusBadgeProps['variant']> = {
  preparing: 'ProcessDraft',
  dry_run: 'ProcessDraft',
  scheduled: 'ProcessNeutral',
  running: 'ProcessInProgress',
  paused: 'ProcessDisabled',
  stopped: 'ProcessWarning',
  cancelled: 'ProcessError',
  completed: 'ProcessSuccess',
};

export function CampaignStatusBadge({ status }: { status: CampaignStatus }) {
  return (
    <StatusBadge as="span" variant={VARIANT[status] ?? 'ProcessNeutral'} data-testid="campaign-status">
      {CAMPAIGN_STATUS_LABEL[status] ?? status}
    </StatusBadge>
  );
}
