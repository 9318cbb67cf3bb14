'use client';
import { Box } from '@twilio-paste/core/box';
import { Button } from '@twilio-paste/core/button';
import { Heading } from '@twilio-paste/core/heading';
import { Stack } from '@twilio-paste/core/stack';
import { Table, TBody, Td, Th, THead, Tr } from '@twilio-paste/core/table';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useCloseProxySessions, useDeleteProxySessions, useProxyParticipants, useProxySession } from '../../hooks/use-proxy-sessions';
import { isLive } from '../../lib/proxy-sessions/session-filter';
import { AdminOnly } from '../common/AdminOnly';
import { ConfirmDialog } from '../common/ConfirmDialog';
import { ConsoleLink } from '../common/ConsoleLink';
import { EmptyState } from '../common/EmptyState';
import { formatDateTime } from '../common/format';
import { LoadingState } from '../common/LoadingState';
import { MutationError } from '../common/MutationError';
import { PageTitle } from '../common/PageTitle';
import { QueryError } from '../common/QueryError';
import { Fact, FactCard, ResourceDetail } from '../common/ResourceDetail';
import { ProxySessionStatusBadge } from './ProxySessionStatusBadge';

function Participants({ sid }: { sid: string }) {
  const participants = useProxyParticipants(sid);
  if (participants.isPending) return <LoadingState label="Loading the participants…" />;
  if (participants.isError) return <QueryError query={participants} />;
  if (participants.data.length === 0) return <EmptyState heading="No participant">This session has nobody in it.</EmptyState>;
  return (
    <Table data-testid="proxy-participants">
      <THead>
        <Tr>
          <Th>Participant</Th>
          <Th>Identifier</Th>
          <Th>Proxy number</Th>
        </Tr>
      </THead>
      <TBody>
        {participants.data.map((participant) => (
          <Tr key={participant.sid}>
            <Td>{participant.friendlyName ?? participant.sid}</Td>
            <Td>{participant.identifier}</Td>
            <Td>{participant.proxyIdentifier ?? '— (the Flex chat side)'}</Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}

function SessionActions({ sid, live }: { sid: string; live: boolean }) {
  const [confirming, setConfirming] = useState<'close' | 'delete'>();
  const close = useCloseProxySessions();
  const remove = useDeleteProxySessions();
  const router = useRouter();
  const failure = [close.data, remove.data].flatMap((result) => result?.failed ?? [])[0];
  return (
    <>
      <Box display="flex" columnGap="space30">
        {live ? (
          <Button variant="secondary" onClick={() => setConfirming('close')} loading={close.isPending}>
            Close
          </Button>
        ) : null}
        <Button variant="destructive_secondary" onClick={() => setConfirming('delete')} loading={remove.isPending}>
          Delete
        </Button>
      </Box>
      {failure ? <MutationError error={failure.error} heading="Twilio refused" /> : null}
      <ConfirmDialog
        isOpen={confirming !== undefined}
        heading={confirming === 'delete' ? 'Delete this session?' : 'Close this session?'}
        confirmLabel={confirming === 'delete' ? 'Delete' : 'Close session'}
        destructive={confirming === 'delete'}
        onDismiss={() => setConfirming(undefined)}
        onConfirm={() => {
          setConfirming(undefined);
          if (confirming === 'close') close.mutate([sid]);
          else remove.mutate([sid], { onSuccess: (result) => result.failed.length === 0 && router.push('/proxy-sessions') });
        }}
      >
        {confirming === 'delete'
          ? `${sid} and its interactions are removed from Twilio for good.`
          : `${sid} closes; the customer’s next SMS starts a new conversation.`}
      </ConfirmDialog>
    </>
  );
}

export function ProxySessionDetail({ sid }: { sid: string }) {
  const session = useProxySession(sid);
  return (
    <ResourceDetail
      query={session}
      title={(data) => (
        <PageTitle
          heading="Proxy session"
          actions={
            data ? (
              <AdminOnly>
                <SessionActions sid={data.sid} live={isLive(data)} />
              </AdminOnly>
            ) : undefined
          }
        >
          {sid} · <ConsoleLink href="/proxy-sessions">All sessions</ConsoleLink>
        </PageTitle>
      )}
      loadingLabel="Loading the session…"
      notFound={{ heading: 'No such session', testId: 'proxy-session-not-found', children: `The Proxy Service has no session ${sid}.` }}
    >
      {(data) => (
        <Stack orientation="vertical" spacing="space80">
          <FactCard>
            <Fact term="Status">
              <ProxySessionStatusBadge status={data.status} />
            </Fact>
            <Fact term="Flex channel">{data.uniqueName ?? '—'}</Fact>
            <Fact term="Mode">{data.mode}</Fact>
            <Fact term="Created">{formatDateTime(data.dateCreated)}</Fact>
            <Fact term="Updated">{formatDateTime(data.dateUpdated)}</Fact>
          </FactCard>
          <Box>
            <Heading as="h2" variant="heading30">
              Participants
            </Heading>
            <Participants sid={data.sid} />
          </Box>
        </Stack>
      )}
    </ResourceDetail>
  );
}
