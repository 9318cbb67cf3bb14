'use client';
import { Box } from '@twilio-paste/core/box';
import { Button } from '@twilio-paste/core/button';
import { Card } from '@twilio-paste/core/card';
import { DescriptionList, DescriptionListDetails, DescriptionListSet, DescriptionListTerm } from '@twilio-paste/core/description-list';
import { Heading } from '@twilio-paste/core/heading';
import { Stack } from '@twilio-paste/core/stack';
import { Text } from '@twilio-paste/core/text';
import { useRouter } from 'next/navigation';
import { useState, type ReactNode } from 'react';
import { useDeleteFlexFlow, useFlexFlow, useUpdateFlexFlow } from '../../hooks/use-flex-flows';
import { ApiError } from '../../lib/api-error';
import { flexFlowChanges, flexFlowFormFrom } from '../../lib/flex-flows/flex-flow-form';
import type { FlexFlow } from '../../lib/flex-flows/flex-flow.types';
import { AdminOnly } from '../common/AdminOnly';
import { ConfirmDialog } from '../common/ConfirmDialog';
import { ConsoleLink } from '../common/ConsoleLink';
import { EmptyState } from '../common/EmptyState';
import { LoadingState } from '../common/LoadingState';
import { MutationError } from '../common/MutationError';
import { PageTitle } from '../common/PageTitle';
import { QueryError } from '../common/QueryError';
import { FlagBadge, IntegrationTypeBadge } from './FlexFlowBadges';
import { FlexFlowForm } from './FlexFlowForm';

function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <DescriptionListSet>
      <DescriptionListTerm>{term}</DescriptionListTerm>
      <DescriptionListDetails>{children}</DescriptionListDetails>
    </DescriptionListSet>
  );
}

const Code = ({ children }: { children: ReactNode }) => (
  <Text as="span" fontFamily="fontFamilyCode">
    {children}
  </Text>
);

function FlexFlowFacts({ flow }: { flow: FlexFlow }) {
  return (
    <Card padding="space70">
      <DescriptionList>
        <Fact term="SID">
          <Code>{flow.sid}</Code>
        </Fact>
        <Fact term="Number">{flow.contactIdentity}</Fact>
        <Fact term="Channel type">{flow.channelType}</Fact>
        <Fact term="Integration">
          <IntegrationTypeBadge type={flow.integrationType} />
        </Fact>
        {Object.entries(flow.integration).map(([key, value]) => (
          <Fact key={key} term={`Integration ${key}`}>
            <Code>{value}</Code>
          </Fact>
        ))}
        <Fact term="Chat Service">
          <Code>{flow.chatServiceSid}</Code>
        </Fact>
        <Fact term="Enabled">
          <FlagBadge on={flow.enabled} onLabel="Enabled" offLabel="Disabled" />
        </Fact>
        <Fact term="LongLived">
          <FlagBadge on={flow.longLived} />
        </Fact>
        <Fact term="Janitor">
          <FlagBadge on={flow.janitorEnabled} onLabel="On" offLabel="Off" />
        </Fact>
      </DescriptionList>
    </Card>
  );
}

function EditFlexFlow({ flow, onDone }: { flow: FlexFlow; onDone: () => void }) {
  const update = useUpdateFlexFlow(flow.sid);
  return (
    <FlexFlowForm
      initial={flexFlowFormFrom(flow)}
      submitLabel="Save changes"
      pending={update.isPending}
      error={update.error}
      onSubmit={(values) => update.mutate(flexFlowChanges(flow, values), { onSuccess: onDone })}
      onCancel={onDone}
    />
  );
}

function DeleteFlexFlow({ flow }: { flow: FlexFlow }) {
  const [confirming, setConfirming] = useState(false);
  const remove = useDeleteFlexFlow();
  const router = useRouter();
  return (
    <>
      <Button variant="destructive_secondary" onClick={() => setConfirming(true)} loading={remove.isPending}>
        Delete
      </Button>
      {remove.isError ? <MutationError error={remove.error} heading="The Flex Flow was not deleted" /> : null}
      <ConfirmDialog
        isOpen={confirming}
        heading="Delete this Flex Flow?"
        confirmLabel="Delete Flex Flow"
        destructive
        onDismiss={() => setConfirming(false)}
        onConfirm={() => {
          setConfirming(false);
          remove.mutate(flow.sid, { onSuccess: () => router.push('/flex-flows') });
        }}
      >
        {`${flow.friendlyName} (${flow.sid}) stops handling ${flow.contactIdentity}. Conversations already open keep their channels.`}
      </ConfirmDialog>
    </>
  );
}

export function FlexFlowDetail({ sid }: { sid: string }) {
  const flow = useFlexFlow(sid);
  const [editing, setEditing] = useState(false);

  if (flow.isPending) {
    return (
      <>
        <PageTitle heading="Flex Flow">{sid}</PageTitle>
        <LoadingState label="Loading the Flex Flow…" />
      </>
    );
  }
  if (flow.isError) {
    const missing = flow.error instanceof ApiError && flow.error.status === 404;
    return (
      <>
        <PageTitle heading="Flex Flow">{sid}</PageTitle>
        {missing ? (
          <EmptyState heading="No such Flex Flow" testId="flex-flow-not-found">
            The account has no Flex Flow {sid}. <ConsoleLink href="/flex-flows">Back to the Flex Flows</ConsoleLink>
          </EmptyState>
        ) : (
          <QueryError query={flow} />
        )}
      </>
    );
  }
  return (
    <>
      <PageTitle
        heading={flow.data.friendlyName}
        actions={
          <AdminOnly>
            <Box display="flex" columnGap="space30">
              <Button variant="secondary" onClick={() => setEditing(true)} disabled={editing}>
                Edit
              </Button>
              <DeleteFlexFlow flow={flow.data} />
            </Box>
          </AdminOnly>
        }
      >
        Flex Flow for {flow.data.contactIdentity}. <ConsoleLink href="/flex-flows">All Flex Flows</ConsoleLink>
      </PageTitle>
      <Stack orientation="vertical" spacing="space80">
        {editing ? (
          <Card padding="space70">
            <Heading as="h2" variant="heading30">
              Edit
            </Heading>
            <EditFlexFlow flow={flow.data} onDone={() => setEditing(false)} />
          </Card>
        ) : null}
        <FlexFlowFacts flow={flow.data} />
      </Stack>
    </>
  );
}
