'use client';
// What a bulk close/delete did: how many succeeded, and each session that failed with the API's reason.
import { Callout, CalloutHeading, CalloutList, CalloutListItem, CalloutText } from '@twilio-paste/core/callout';
import type { SessionBatchResult } from '../../hooks/use-proxy-sessions';

export function SessionBatchOutcome({ action, result }: { action: 'Closed' | 'Deleted'; result: SessionBatchResult }) {
  const failed = result.failed.length;
  return (
    <Callout variant={failed ? 'warning' : 'success'} data-testid="session-batch-outcome" role="status">
      <CalloutHeading as="h2">
        {action} {result.done.length} session{result.done.length === 1 ? '' : 's'}
        {failed ? `; ${failed} failed` : ''}
      </CalloutHeading>
      {failed ? (
        <CalloutList as="ul">
          {result.failed.map(({ sid, error }) => (
            <CalloutListItem key={sid}>
              {sid}: {error instanceof Error ? error.message : 'unknown error'}
            </CalloutListItem>
          ))}
        </CalloutList>
      ) : (
        <CalloutText>The list below is up to date.</CalloutText>
      )}
    </Callout>
  );
}
