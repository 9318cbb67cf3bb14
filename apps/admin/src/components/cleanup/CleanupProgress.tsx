'use client';
// A running clean-up: the bar, done/failed/total, the rate and the time left, announced as it moves; then the
// outcome and each item that failed with Twilio's reason.
import { Box } from '@twilio-paste/core/box';
import { Button } from '@twilio-paste/core/button';
import { Card } from '@twilio-paste/core/card';
import { Heading } from '@twilio-paste/core/heading';
import { ProgressBar, ProgressBarLabel } from '@twilio-paste/core/progress-bar';
import { StatusBadge, type StatusBadgeProps } from '@twilio-paste/core/status';
import { Table, TBody, Td, Th, THead, Tr } from '@twilio-paste/core/table';
import { Text } from '@twilio-paste/core/text';
import { useCancelCleanup, useCleanupFailures, useCleanupJob } from '../../hooks/use-cleanup';
import { formatEta } from '../../lib/cleanup/cleanup-selection-form';
import { CLEANUP_NOUNS } from '../../lib/cleanup/cleanup-targets';
import { isFinished, type CleanupJobStatus, type CleanupJobView } from '../../lib/cleanup/cleanup.types';
import { AdminOnly } from '../common/AdminOnly';
import { LoadingState } from '../common/LoadingState';
import { MutationError } from '../common/MutationError';
import { QueryError } from '../common/QueryError';

const STATUS: Record<CleanupJobStatus, { variant: StatusBadgeProps['variant']; label: string }> = {
  selecting: { variant: 'ProcessInProgress', label: 'Finding the items' },
  running: { variant: 'ProcessInProgress', label: 'Running' },
  completed: { variant: 'ProcessSuccess', label: 'Completed' },
  cancelled: { variant: 'ProcessDisabled', label: 'Cancelled' },
  failed: { variant: 'ProcessError', label: 'Failed' },
};

const capitalised = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

function Failures({ job }: { job: CleanupJobView }) {
  const failures = useCleanupFailures(job.id, isFinished(job) && job.progress.failed > 0);
  if (!isFinished(job) || job.progress.failed === 0) return null;
  if (failures.isPending) return <LoadingState label="Loading the failures…" />;
  if (failures.isError) return <QueryError query={failures} />;
  return (
    <Box marginTop="space70">
      <Heading as="h3" variant="heading40">
        Items that failed
      </Heading>
      <Table data-testid="cleanup-failures" scrollHorizontally>
        <THead>
          <Tr>
            <Th>{capitalised(CLEANUP_NOUNS[job.kind].one)}</Th>
            <Th>Error</Th>
          </Tr>
        </THead>
        <TBody>
          {failures.data.map((item) => (
            <Tr key={item.sid}>
              <Td>{item.sid}</Td>
              <Td>
                {item.error
                  ? `${item.error.code}${item.error.twilioCode ? ` (Twilio ${item.error.twilioCode})` : ''}: ${item.error.message}`
                  : 'Unknown error'}
              </Td>
            </Tr>
          ))}
        </TBody>
      </Table>
    </Box>
  );
}

export function CleanupProgress({ jobId }: { jobId: string }) {
  const job = useCleanupJob(jobId);
  const cancel = useCancelCleanup();
  if (job.isPending) return <LoadingState label="Starting the clean-up…" />;
  if (job.isError) return <QueryError query={job} />;
  const { progress, status } = job.data;
  const finished = isFinished(job.data);

  return (
    <Card padding="space70" data-testid="cleanup-progress" data-status={status}>
      <Box display="flex" alignItems="center" justifyContent="space-between" flexWrap="wrap" rowGap="space30" marginBottom="space50">
        <Heading as="h2" variant="heading30" marginBottom="space0">
          Clean-up {job.data.id}
        </Heading>
        <StatusBadge as="span" variant={STATUS[status].variant} data-testid="cleanup-status">
          {STATUS[status].label}
        </StatusBadge>
      </Box>
      <Box>
        <ProgressBarLabel htmlFor="cleanup-progress-bar" valueLabel={`${progress.percent}%`}>
          {`${progress.done + progress.failed + progress.skipped + progress.cancelled} of ${progress.total} ${CLEANUP_NOUNS[job.data.kind].many} settled`}
        </ProgressBarLabel>
        <ProgressBar
          id="cleanup-progress-bar"
          value={progress.percent}
          maxValue={100}
          hasError={status === 'failed'}
          aria-describedby="cleanup-progress-counts"
        />
      </Box>
      <Box
        id="cleanup-progress-counts"
        display="flex"
        flexWrap="wrap"
        columnGap="space60"
        rowGap="space20"
        marginTop="space40"
        aria-live="polite"
        data-testid="cleanup-counts"
      >
        <Text as="span">Done: {progress.done}</Text>
        <Text as="span">Failed: {progress.failed}</Text>
        {progress.skipped ? <Text as="span">Skipped: {progress.skipped}</Text> : null}
        {progress.cancelled ? <Text as="span">Cancelled: {progress.cancelled}</Text> : null}
        <Text as="span">Total: {progress.total}</Text>
        <Text as="span">Rate: {progress.ratePerSecond === null ? '—' : `${progress.ratePerSecond}/s`}</Text>
        <Text as="span">Time left: {formatEta(progress.etaSeconds)}</Text>
      </Box>
      {job.data.error ? (
        <Text as="p" color="colorTextError" marginTop="space40">
          {job.data.error.message}
        </Text>
      ) : null}
      {!finished ? (
        <AdminOnly>
          <Box marginTop="space60">
            <Button variant="secondary" onClick={() => cancel.mutate(jobId)} loading={cancel.isPending} disabled={job.data.cancelRequested}>
              {job.data.cancelRequested ? 'Cancelling…' : 'Cancel clean-up'}
            </Button>
          </Box>
        </AdminOnly>
      ) : null}
      {cancel.isError ? <MutationError error={cancel.error} heading="The clean-up could not be cancelled" /> : null}
      <Failures job={job.data} />
    </Card>
  );
}
