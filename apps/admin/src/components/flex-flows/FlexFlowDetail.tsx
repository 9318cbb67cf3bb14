'use client';
import { Box } from '@twilio-paste/core/box';
import { Button } from '@twilio-paste/core/button';
import { Card } from '@twilio-paste/core/card';
import { Heading } from '@twilio-paste/core/heading';
import { Stack } from '@twilio-paste/core/stack';
import { Text } from '@twilio-paste/core/text';
import { useRouter } from 'next/navigation';
import { useState, type ReactNode } from 'react';
import { useDeleteFlexFlow, useFlexFlow, useUpdateFlexFlow } from '../../hooks/use-flex-flows';
import { flexFlowChanges, flexFlowFormFrom } from '../../lib/flex-flows/flex-flow-form';
import type { FlexFlow } from '../../lib/flex-flows/flex-flow.types';
import { AdminOnly } from '../common/AdminOnly';
import { ConfirmDialog } from '../common/ConfirmDialog';
import { ConsoleLink } from '../common/ConsoleLink';
import { MutationError } from '../common/MutationError';
import { PageTitle } from '../common/PageTitle';
import { Fact, FactCard, ResourceDetail } from '../common/ResourceDetail';
import { FlagBadge, IntegrationTypeBadge } from './FlexFlowBadges';
import { FlexFlowForm } from './FlexFlowForm';

const Code = ({ children }: { children: ReactNode }) => (
  <Text as="span" fontFamily="fontFamilyCode">
    {children}
  </Text>
);

function FlexFlowFacts({ flow }: { flow: FlexFlow }) {
  return (
    <FactCard>
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
    </FactCard>
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
  return (
    <ResourceDetail
      query={flow}
      title={(data) =>
        data ? (
          <PageTitle
            heading={data.friendlyName}
            actions={
              <AdminOnly>
                <Box display="flex" columnGap="space30">
                  <Button variant="secondary" onClick={() => setEditing(true)} disabled={editing}>
                    Edit
                  </Button>
                  <DeleteFlexFlow flow={data} />
                </Box>
              </AdminOnly>
            }
          >
            Flex Flow for {data.contactIdentity}. <ConsoleLink href="/flex-flows">All Flex Flows</ConsoleLink>
          </PageTitle>
        ) : (
          <PageTitle heading="Flex Flow">{sid}</PageTitle>
        )
      }
      loadingLabel="Loading the Flex Flow…"
      notFound={{
        heading: 'No such Flex Flow',
        testId: 'flex-flow-not-found',
        children: (
          <>
            The account has no Flex Flow {sid}. <ConsoleLink href="/flex-flows">Back to the Flex Flows</ConsoleLink>
          </>
        ),
      }}
    >
      {(data) => (
        <Stack orientation="vertical" spacing="space80">
          {editing ? (
            <Card padding="space70">
              <Heading as="h2" variant="heading30">
                Edit
              </Heading>
              <EditFlexFlow flow={data} onDone={() => setEditing(false)} />
            </Card>
          ) : null}
          <FlexFlowFacts flow={data} />
        </Stack>
      )}
    </ResourceDetail>
  );
}
