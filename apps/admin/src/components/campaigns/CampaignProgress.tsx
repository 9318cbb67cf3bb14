'use client';
// How far a campaign is, live: a progress bar of the recipients to send, the counts by state, the current rate and
// the ETA (the API computes both; the hook asks again every second while the campaign can change).
import { Box } from '@twilio-paste/core/box';
import { DescriptionList, DescriptionListDetails, DescriptionListSet, DescriptionListTerm } from '@twilio-paste/core/description-list';
import { HelpText } from '@twilio-paste/core/help-text';
import { ProgressBar, ProgressBarLabel } from '@twilio-paste/core/progress-bar';
import { progressOf, RECIPIENT_STATE_LABEL, type Campaign, type RecipientState } from '../../lib/campaigns/campaign.types';
import { formatDuration } from '../common/format';

export function CampaignProgress({ campaign }: { campaign: Campaign }) {
  const progress = progressOf(campaign);
  const states = Object.entries(campaign.counts).filter(([, count]) => count > 0) as Array<[RecipientState, number]>;
  return (
    <Box display="flex" flexDirection="column" rowGap="space50" data-testid="campaign-progress">
      <Box>
        <ProgressBarLabel htmlFor="campaign-progress-bar" valueLabel={`${progress.done} of ${progress.total}`}>
          Recipients settled
        </ProgressBarLabel>
        <ProgressBar
          id="campaign-progress-bar"
          value={progress.done}
          maxValue={Math.max(progress.total, 1)}
          valueLabel={`${progress.percent}%`}
          aria-describedby="campaign-progress-help"
          data-testid="campaign-progress-bar"
        />
        <HelpText id="campaign-progress-help">
          {progress.percent}% · {campaign.currentRatePerSecond.toFixed(1)} messages/s over the last minute
          {campaign.etaSeconds !== null ? ` · about ${formatDuration(campaign.etaSeconds * 1000)} left` : ''}
        </HelpText>
      </Box>
      <DescriptionList>
        {states.map(([state, count]) => (
          <DescriptionListSet key={state}>
            <DescriptionListTerm>{RECIPIENT_STATE_LABEL[state] ?? state}</DescriptionListTerm>
            <DescriptionListDetails data-testid={`count-${state}`}>{count}</DescriptionListDetails>
          </DescriptionListSet>
        ))}
      </DescriptionList>
    </Box>
  );
}
