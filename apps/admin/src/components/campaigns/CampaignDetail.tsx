'use client';
import { Anchor } from '@twilio-paste/core/anchor';
import { Box } from '@twilio-paste/core/box';
import { Button } from '@twilio-paste/core/button';
import { Callout, CalloutHeading, CalloutText } from '@twilio-paste/core/callout';
import { Card } from '@twilio-paste/core/card';
import { DescriptionList, DescriptionListDetails, DescriptionListSet, DescriptionListTerm } from '@twilio-paste/core/description-list';
import { Heading } from '@twilio-paste/core/heading';
import { Text } from '@twilio-paste/core/text';
import { useState } from 'react';
import { useCampaign, useControlCampaign } from '../../hooks/use-campaigns';
import { ACTIONS_BY_STATUS, resultsCsvPath, type Campaign, type CampaignAction } from '../../lib/campaigns/campaign.types';
import { ConfirmDialog } from '../common/ConfirmDialog';
import { LoadingState } from '../common/LoadingState';
import { MutationError } from '../common/MutationError';
import { PageTitle } from '../common/PageTitle';
import { QueryError } from '../common/QueryError';
import { formatDateTime } from '../common/format';
import { CampaignProgress } from './CampaignProgress';
import { CampaignRecipientsTable } from './CampaignRecipientsTable';
import { CampaignStatusBadge } from './CampaignStatusBadge';
import { PreflightReport } from './PreflightReport';

const ACTION_LABEL: Record<CampaignAction, string> = { pause: 'Pause', resume: 'Resume', cancel: 'Cancel campaign' };

export function CampaignDetail({ id }: { id: string }) {
  const campaign = useCampaign(id);
  if (campaign.isPending) return <LoadingState label="Loading the campaign…" />;
  if (campaign.isError) return <QueryError query={campaign} />;
  return <CampaignView campaign={campaign.data} />;
}

function CampaignView({ campaign }: { campaign: Campaign }) {
  const control = useControlCampaign(campaign.id);
  const [confirmingCancel, setConfirmingCancel] = useState(false);
  const act = (action: CampaignAction) => (action === 'cancel' ? setConfirmingCancel(true) : control.mutate(action));
  return (
    <>
      <PageTitle
        heading={campaign.name}
        actions={
          <Box display="flex" columnGap="space30">
            {ACTIONS_BY_STATUS[campaign.status].map((action) => (
              <Button
                key={action}
                variant={action === 'cancel' ? 'destructive_secondary' : 'secondary'}
                onClick={() => act(action)}
                loading={control.isPending && control.variables === action}
                data-testid={`campaign-${action}`}
              >
                {ACTION_LABEL[action]}
              </Button>
            ))}
          </Box>
        }
      >
        <CampaignStatusBadge status={campaign.status} /> Created {formatDateTime(campaign.createdAt)} by {campaign.createdBy}
      </PageTitle>
      <Box display="flex" flexDirection="column" rowGap="space70">
        {control.isError ? <MutationError error={control.error} heading="The campaign could not be changed" /> : null}
        {campaign.status === 'stopped' && campaign.stopReason ? (
          <Callout variant="warning">
            <CalloutHeading as="h2">Stopped for review</CalloutHeading>
            <CalloutText>{campaign.stopReason}</CalloutText>
          </Callout>
        ) : null}
        <Card padding="space70">
          <CampaignProgress campaign={campaign} />
          <Box marginTop="space50">
            <Anchor href={resultsCsvPath(campaign.id)} data-testid="campaign-results-csv">
              Download the results (CSV: each recipient’s outcome and delivery status)
            </Anchor>
          </Box>
        </Card>
        <Card padding="space70">
          <Heading as="h2" variant="heading40">
            Settings
          </Heading>
          <DescriptionList>
            <DescriptionListSet>
              <DescriptionListTerm>Message</DescriptionListTerm>
              <DescriptionListDetails>
                {campaign.contentSid ? `Content template ${campaign.contentSid}` : campaign.body} (
                {campaign.channel === 'whatsapp' ? 'WhatsApp' : 'SMS'})
              </DescriptionListDetails>
            </DescriptionListSet>
            <DescriptionListSet>
              <DescriptionListTerm>Senders</DescriptionListTerm>
              <DescriptionListDetails>{campaign.senders.join(', ')}</DescriptionListDetails>
            </DescriptionListSet>
            <DescriptionListSet>
              <DescriptionListTerm>Pacing</DescriptionListTerm>
              <DescriptionListDetails>
                {campaign.pacingPerSecond} messages/s per sender
                {campaign.backoffLevel > 0 ? `, slowed ${2 ** campaign.backoffLevel}× after Twilio pushed back` : ''}
              </DescriptionListDetails>
            </DescriptionListSet>
            <DescriptionListSet>
              <DescriptionListTerm>Quiet hours</DescriptionListTerm>
              <DescriptionListDetails>
                {campaign.quietHours.sendFrom === campaign.quietHours.sendUntil
                  ? 'None'
                  : `Sends ${campaign.quietHours.sendFrom}–${campaign.quietHours.sendUntil}, the recipient’s local time`}
              </DescriptionListDetails>
            </DescriptionListSet>
            <DescriptionListSet>
              <DescriptionListTerm>Start</DescriptionListTerm>
              <DescriptionListDetails>
                {campaign.startAt ? formatDateTime(campaign.startAt) : 'At once'}
                {campaign.startedAt ? ` (started ${formatDateTime(campaign.startedAt)})` : ''}
                {campaign.finishedAt ? `, finished ${formatDateTime(campaign.finishedAt)}` : ''}
              </DescriptionListDetails>
            </DescriptionListSet>
          </DescriptionList>
        </Card>
        {campaign.report ? (
          <Card padding="space70">
            <Heading as="h2" variant="heading40">
              Pre-flight report
            </Heading>
            <PreflightReport report={campaign.report} />
          </Card>
        ) : null}
        <CampaignRecipientsTable campaignId={campaign.id} version={`${campaign.status} ${JSON.stringify(campaign.counts)}`} />
      </Box>
      <ConfirmDialog
        isOpen={confirmingCancel}
        heading={`Cancel “${campaign.name}”?`}
        confirmLabel="Cancel campaign"
        destructive
        onDismiss={() => setConfirmingCancel(false)}
        onConfirm={() => {
          setConfirmingCancel(false);
          control.mutate('cancel');
        }}
      >
        <Text as="p">Recipients not sent yet are settled cancelled; this cannot be undone. Sends in flight finish.</Text>
      </ConfirmDialog>
    </>
  );
}
