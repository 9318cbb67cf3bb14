'use client';
// Loading, error and ok states of the API's readiness, announced to screen readers as they change.
import { Box } from '@twilio-paste/core/box';
import { Spinner } from '@twilio-paste/core/spinner';
import { Text } from '@twilio-paste/core/text';
import { useReadiness } from '../../hooks/use-health';
import { ApiErrorCallout } from './ApiErrorCallout';
import { ApiReadinessReport } from './ApiReadinessReport';

export function ApiStatusPanel() {
  const { data, error, isPending, isError, isFetching, dataUpdatedAt, refetch } = useReadiness();

  return (
    <Box role="status" aria-live="polite" aria-busy={isPending}>
      {isPending ? (
        <Box display="flex" alignItems="center" columnGap="space30" data-testid="api-status-loading">
          <Spinner decorative />
          <Text as="p">Checking the API…</Text>
        </Box>
      ) : isError ? (
        <ApiErrorCallout error={error} onRetry={() => void refetch()} retrying={isFetching} />
      ) : (
        <ApiReadinessReport readiness={data} checkedAt={new Date(dataUpdatedAt)} />
      )}
    </Box>
  );
}
