'use client';
import { Box } from '@twilio-paste/core/box';
import { Button } from '@twilio-paste/core/button';
import { PlusIcon } from '@twilio-paste/icons/esm/PlusIcon';
import { RefreshIcon } from '@twilio-paste/icons/esm/RefreshIcon';
import { useFlexFlows, useRefreshFlexFlowsFromTwilio } from '../../hooks/use-flex-flows';
import { useClientNavigation } from '../app-shell/use-client-navigation';
import { AdminOnly } from '../common/AdminOnly';
import { EmptyState } from '../common/EmptyState';
import { LoadingState } from '../common/LoadingState';
import { MutationError } from '../common/MutationError';
import { PageTitle } from '../common/PageTitle';
import { QueryError } from '../common/QueryError';
import { FlexFlowTable } from './FlexFlowTable';

export function FlexFlowsPage() {
  const flows = useFlexFlows();
  const fromTwilio = useRefreshFlexFlowsFromTwilio();
  const navigate = useClientNavigation();

  return (
    <>
      <PageTitle
        heading="Flex Flows"
        actions={
          <Box display="flex" columnGap="space30">
            <Button variant="secondary" onClick={() => fromTwilio.mutate()} loading={fromTwilio.isPending}>
              <RefreshIcon decorative />
              Re-read from Twilio
            </Button>
            <AdminOnly>
              <Button as="a" href="/flex-flows/new" variant="primary" onClick={navigate}>
                <PlusIcon decorative />
                Create Flex Flow
              </Button>
            </AdminOnly>
          </Box>
        }
      >
        Each number’s Flex Flows: a Studio flow for inbound SMS and fire-and-forget sends, a Task flow for agent-initiated conversations.
      </PageTitle>
      {fromTwilio.isError ? <MutationError error={fromTwilio.error} heading="The flows could not be re-read" /> : null}
      {flows.isPending ? (
        <LoadingState label="Loading the Flex Flows…" testId="flex-flows-loading" />
      ) : flows.isError ? (
        <QueryError query={flows} />
      ) : flows.data.length === 0 ? (
        <EmptyState heading="The account has no Flex Flow" testId="flex-flows-empty">
          Without a Flex Flow no number can send. Create a Studio flow and a Task flow for each SMS number.
        </EmptyState>
      ) : (
        <FlexFlowTable flows={flows.data} />
      )}
    </>
  );
}
