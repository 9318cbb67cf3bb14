'use client';
// The error state of a page whose data did not arrive. "API unreachable" is the case operators meet most (the API
// is stopped or restarting), so it gets its own heading; anything else shows the API's own message.
import { Button } from '@twilio-paste/core/button';
import { Callout, CalloutHeading, CalloutList, CalloutListItem, CalloutText } from '@twilio-paste/core/callout';
import { Stack } from '@twilio-paste/core/stack';
import { RefreshIcon } from '@twilio-paste/icons/esm/RefreshIcon';
import { ApiError } from '../../lib/api-error';

interface ApiErrorCalloutProps {
  error: unknown;
  onRetry: () => void;
  retrying: boolean;
}

function headingFor(error: unknown): string {
  if (error instanceof ApiError && error.isUnreachable) return 'API unreachable';
  return 'The API answered with an error';
}

export function ApiErrorCallout({ error, onRetry, retrying }: ApiErrorCalloutProps) {
  const apiError = error instanceof ApiError ? error : undefined;
  const message = error instanceof Error ? error.message : 'Unknown error.';
  return (
    <Stack orientation="vertical" spacing="space50">
      <Callout variant="error" data-testid="api-error">
        <CalloutHeading as="h2">{headingFor(error)}</CalloutHeading>
        <CalloutText>{message}</CalloutText>
        {apiError && apiError.details.length > 0 ? (
          <CalloutList as="ul">
            {apiError.details.map((detail) => (
              <CalloutListItem key={`${detail.field}:${detail.message}`}>
                {detail.field ? `${detail.field}: ` : ''}
                {detail.message}
              </CalloutListItem>
            ))}
          </CalloutList>
        ) : null}
        {apiError?.requestId ? <CalloutText>Request id: {apiError.requestId}</CalloutText> : null}
      </Callout>
      <div>
        <Button variant="secondary" onClick={onRetry} loading={retrying}>
          <RefreshIcon decorative />
          Retry
        </Button>
      </div>
    </Stack>
  );
}
