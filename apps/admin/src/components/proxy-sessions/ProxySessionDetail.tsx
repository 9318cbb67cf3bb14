'use client';
import { Box } from '@twilio-paste/core/box';
import { Button } from '@twilio-paste/core/button';
import { Card } from '@twilio-paste/core/card';
import { DescriptionList, DescriptionListDetails, DescriptionListSet, DescriptionListTerm } from '@twilio-paste/core/description-list';
import { Heading } from '@twilio-paste/core/heading';
import { Stack } from '@twilio-paste/core/stack';
import { Table, TBody, Td, Th, THead, Tr } from '@twilio-paste/core/table';
import { useRouter } from 'next/navigation';
import { useState, type ReactNode } from 'react';
import { useCloseProxySessions, useDeleteProxySessions, useProxyParticipants, useProxySession } from '../../hooks/use-proxy-sessions';
import { ApiError } from '../../lib/api-error';
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
import { ProxySessionStatusBadge } from './ProxySessionStatusBadge';

function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <DescriptionListSet>
      <DescriptionListTerm>{term}</DescriptionListTerm>
      <DescriptionListDetails>{children}</DescriptionListDetails>
    </DescriptionListSet>
  );
}

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
        {confirming === 'delete' ? `${sid} and its interactions are removed from Twilio for good.` : `${sid} closes; the customer’s next SMS starts a new conversation.`}
      </ConfirmDialog>
    </>
  );
}

export function ProxySessionDetail({ sid }: { sid: string }) {
  const session = useProxySession(sid);
  const title = (actions?: ReactNode) => (
    <PageTitle heading="Proxy session" actions={actions}>
      {sid} · <ConsoleLink href="/proxy-sessions">All sessions</ConsoleLink>
    </PageTitle>
  );
  if (session.isPending) return <>{title()}<LoadingState label="Loading the session…" /></>;
  if (session.isError) {
    const missing = session.error instanceof ApiError && session.error.status === 404;
    return (
      <>
        {title()}
        {missing ? <EmptyState heading="No such session" testId="proxy-session-not-found">The Proxy Service has no session {sid}.</EmptyState> : <QueryError query={session} />}
      </>
    );
  }
  const data = session.data;
  return (
    <>
      {title(
        <AdminOnly>
          <SessionActions sid={data.sid} live={isLive(data)} />
        </AdminOnly>,
      )}
      <Stack orientation="vertical" spacing="space80">
        <Card padding="space70">
          <DescriptionList>
            <Fact term="Status">
              <ProxySessionStatusBadge status={data.status} />
            </Fact>
            <Fact term="Flex channel">{data.uniqueName ?? '—'}</Fact>
            <Fact term="Mode">{data.mode}</Fact>
            <Fact term="Created">{formatDateTime(data.dateCreated)}</Fact>
            <Fact term="Updated">{formatDateTime(data.dateUpdated)}</Fact>
          </DescriptionList>
        </Card>
        <Box>
          <Heading as="h2" variant="heading30">
            Participants
          </Heading>
          <Participants sid={data.sid} />
        </Box>
      </Stack>
    </>
  );
}
