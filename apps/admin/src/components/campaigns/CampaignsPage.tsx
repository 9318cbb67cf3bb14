'use client';
import { Box } from '@twilio-paste/core/box';
import { Table, TBody, Td, Th, THead, Tr } from '@twilio-paste/core/table';
import { useCampaigns } from '../../hooks/use-campaigns';
import { progressOf } from '../../lib/campaigns/campaign.types';
import { ConsoleLink } from '../common/ConsoleLink';
import { EmptyState } from '../common/EmptyState';
import { LoadingState } from '../common/LoadingState';
import { PageTitle } from '../common/PageTitle';
import { QueryError } from '../common/QueryError';
import { formatDateTime } from '../common/format';
import { CampaignStatusBadge } from './CampaignStatusBadge';
import { NewCampaignForm } from './NewCampaignForm';

export function CampaignsPage() {
  const campaigns = useCampaigns();
  return (
    <>
      <PageTitle heading="Campaigns">
        One message to a list of customers, paced per sender, in their daytime. Upload the list, check its report (invalid numbers, duplicates,
        opt-outs, customers talking with an agent), then start it and follow it here.
      </PageTitle>
      <Box display="flex" flexDirection="column" rowGap="space70">
        <NewCampaignForm />
        {campaigns.isPending ? (
          <LoadingState label="Loading the campaigns…" />
        ) : campaigns.isError ? (
          <QueryError query={campaigns} />
        ) : campaigns.data.length === 0 ? (
          <EmptyState heading="No campaigns yet" testId="campaigns-empty">
            Campaigns you start, and the lists you check, appear here.
          </EmptyState>
        ) : (
          <Table scrollHorizontally data-testid="campaign-table">
            <THead>
              <Tr>
                <Th>Name</Th>
                <Th>Status</Th>
                <Th>Sent</Th>
                <Th>Created</Th>
              </Tr>
            </THead>
            <TBody>
              {campaigns.data.map((campaign) => {
                const progress = progressOf(campaign);
                return (
                  <Tr key={campaign.id}>
                    <Td>
                      <ConsoleLink href={`/campaigns/${campaign.id}`}>{campaign.name}</ConsoleLink>
                    </Td>
                    <Td>
                      <CampaignStatusBadge status={campaign.status} />
                    </Td>
                    <Td>
                      {progress.done} of {progress.total}
                    </Td>
                    <Td>{formatDateTime(campaign.createdAt)}</Td>
                  </Tr>
                );
              })}
            </TBody>
          </Table>
        )}
      </Box>
    </>
  );
}
