'use client';
import { Box } from '@twilio-paste/core/box';
import { Button } from '@twilio-paste/core/button';
import { Stack } from '@twilio-paste/core/stack';
import { Text } from '@twilio-paste/core/text';
import { useState } from 'react';
import { useDeployment } from '../../hooks/use-deployment';
import { useCloseProxySessions, useDeleteProxySessions, useProxySessions, type SessionBatchResult } from '../../hooks/use-proxy-sessions';
import { filterSessions, type SessionFilter } from '../../lib/proxy-sessions/session-filter';
import { useIsAdmin } from '../common/AdminOnly';
import { ConfirmDialog } from '../common/ConfirmDialog';
import { ConsoleLink } from '../common/ConsoleLink';
import { EmptyState } from '../common/EmptyState';
import { LoadingState } from '../common/LoadingState';
import { PageTitle } from '../common/PageTitle';
import { QueryError } from '../common/QueryError';
import { ProxySessionFilters } from './ProxySessionFilters';
import { ProxySessionTable } from './ProxySessionTable';
import { SessionBatchOutcome } from './SessionBatchOutcome';

type BulkAction = 'close' | 'delete';

/** Twilio pages forward only (a token per page), so going back means remembering the tokens of the pages seen. */
function usePageTokens() {
  const [tokens, setTokens] = useState<Array<string | undefined>>([undefined]);
  return {
    current: tokens[tokens.length - 1],
    number: tokens.length,
    next: (token: string) => setTokens((seen) => [...seen, token]),
    previous: () => setTokens((seen) => (seen.length > 1 ? seen.slice(0, -1) : seen)),
  };
}

const TITLE = (
  <PageTitle heading="Proxy sessions">
    The Proxy Service’s sessions: each ties a customer’s phone to a Flex chat channel. Close a stuck one to free the customer’s number pair.
  </PageTitle>
);

/**
 * Proxy sessions carry Chat + Proxy mode's conversations only (Programmable Chat + Proxy). A deployment whose numbers all
 * use Conversations has none to show, and its account may have no Proxy Service at all: say so instead of erroring.
 */
export function ProxySessionsPage() {
  const deployment = useDeployment();
  if (!deployment.settled)
    return (
      <>
        {TITLE}
        <LoadingState label="Loading…" />
      </>
    );
  if (deployment.outboundMode === 'conversations') {
    return (
      <>
        {TITLE}
        <EmptyState heading="A Chat + Proxy page" testId="proxy-sessions-chat-proxy-mode">
          This deployment sends every SMS through Flex Conversations, where no Proxy session is involved. Each request’s conversation is on its{' '}
          <ConsoleLink href="/history">History</ConsoleLink> page; stale conversations are closed from{' '}
          <ConsoleLink href="/cleanup">Cleanup</ConsoleLink>.
        </EmptyState>
      </>
    );
  }
  return <ProxySessionBrowser />;
}

function ProxySessionBrowser() {
  const pages = usePageTokens();
  const sessions = useProxySessions(pages.current);
  const [filter, setFilter] = useState<SessionFilter>({});
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [confirming, setConfirming] = useState<BulkAction>();
  const [outcome, setOutcome] = useState<{ action: 'Closed' | 'Deleted'; result: SessionBatchResult }>();
  const close = useCloseProxySessions();
  const remove = useDeleteProxySessions();
  const isAdmin = useIsAdmin();

  const select = (sids: string[], on: boolean) =>
    setSelected((current) => {
      const next = new Set(current);
      for (const sid of sids)
        if (on) next.add(sid);
        else next.delete(sid);
      return next;
    });

  const run = (action: BulkAction) => {
    setConfirming(undefined);
    const sids = [...selected];
    const mutation = action === 'close' ? close : remove;
    mutation.mutate(sids, {
      onSuccess: (result) => {
        setOutcome({ action: action === 'close' ? 'Closed' : 'Deleted', result });
        setSelected(new Set(result.failed.map((failure) => failure.sid)));
      },
    });
  };

  const shown = sessions.data ? filterSessions(sessions.data.sessions, filter) : [];
  const count = selected.size;

  return (
    <>
      {TITLE}
      <Stack orientation="vertical" spacing="space60">
        {outcome ? <SessionBatchOutcome action={outcome.action} result={outcome.result} /> : null}
        <ProxySessionFilters filter={filter} onChange={setFilter} />
        {isAdmin ? (
          <Box display="flex" flexWrap="wrap" alignItems="center" columnGap="space30" rowGap="space30" data-testid="proxy-session-actions">
            <Text as="span" aria-live="polite">
              {count} selected
            </Text>
            <Button variant="secondary" disabled={count === 0} loading={close.isPending} onClick={() => setConfirming('close')}>
              Close selected
            </Button>
            <Button variant="destructive_secondary" disabled={count === 0} loading={remove.isPending} onClick={() => setConfirming('delete')}>
              Delete selected
            </Button>
          </Box>
        ) : null}
        {sessions.isPending ? (
          <LoadingState label="Loading the sessions…" testId="proxy-sessions-loading" />
        ) : sessions.isError ? (
          <QueryError query={sessions} />
        ) : shown.length === 0 ? (
          <EmptyState
            heading={sessions.data.sessions.length ? 'No session on this page matches' : 'The Proxy Service has no session'}
            testId="proxy-sessions-empty"
          >
            {sessions.data.sessions.length
              ? 'Change the filters, or look at the next page.'
              : 'A session appears when a conversation starts, from the Send page or an inbound SMS.'}
          </EmptyState>
        ) : (
          <ProxySessionTable sessions={shown} selected={selected} selectable={isAdmin} onSelect={select} />
        )}
        <Box as="nav" aria-label="Session pages" display="flex" alignItems="center" columnGap="space30">
          <Button variant="secondary" size="small" disabled={pages.number === 1 || sessions.isFetching} onClick={pages.previous}>
            Previous
          </Button>
          <Text as="span">Page {pages.number}</Text>
          <Button
            variant="secondary"
            size="small"
            disabled={!sessions.data?.nextPageToken || sessions.isFetching}
            onClick={() => sessions.data?.nextPageToken && pages.next(sessions.data.nextPageToken)}
          >
            Next
          </Button>
        </Box>
      </Stack>
      <ConfirmDialog
        isOpen={confirming !== undefined}
        heading={confirming === 'delete' ? `Delete ${count} session${count === 1 ? '' : 's'}?` : `Close ${count} session${count === 1 ? '' : 's'}?`}
        confirmLabel={confirming === 'delete' ? 'Delete' : 'Close sessions'}
        destructive={confirming === 'delete'}
        onDismiss={() => setConfirming(undefined)}
        onConfirm={() => confirming && run(confirming)}
      >
        {confirming === 'delete'
          ? 'Deleting removes the sessions and their interaction logs from Twilio for good. Customers texting in start a new conversation.'
          : 'Closing frees each customer’s number pair; their next SMS starts a new conversation. The sessions stay in Twilio’s records.'}
      </ConfirmDialog>
    </>
  );
}
