'use client';
// Dry run first, then a confirm step naming how many sessions go, then the job's progress: a clean-up deletes
// Twilio resources, so nothing runs without the operator having seen what it takes.
import { Stack } from '@twilio-paste/core/stack';
import { useState } from 'react';
import { useCleanupPreview, useStartCleanup } from '../../hooks/use-cleanup';
import type { ProxySessionSelection } from '../../lib/cleanup/cleanup.types';
import { ConfirmDialog } from '../common/ConfirmDialog';
import { MutationError } from '../common/MutationError';
import { PageTitle } from '../common/PageTitle';
import { CleanupDryRunPreview } from './CleanupDryRunPreview';
import { CleanupProgress } from './CleanupProgress';
import { CleanupSelectionForm } from './CleanupSelectionForm';

export function CleanupPage() {
  const preview = useCleanupPreview();
  const start = useStartCleanup();
  const [selection, setSelection] = useState<ProxySessionSelection>();
  const [markChannelInactive, setMarkChannelInactive] = useState(true);
  const [confirming, setConfirming] = useState(false);
  const [jobId, setJobId] = useState<string>();

  const runPreview = (next: ProxySessionSelection) => {
    setSelection(next);
    setJobId(undefined);
    start.reset();
    preview.mutate(next);
  };
  const confirm = () => {
    setConfirming(false);
    if (selection) start.mutate({ selection, markChannelInactive }, { onSuccess: (job) => setJobId(job.id) });
  };
  const total = preview.data?.total ?? 0;

  return (
    <>
      <PageTitle heading="Cleanup">
        Close and delete Proxy sessions in bulk — stuck sessions block a customer’s next conversation. Preview what a clean-up takes, then confirm.
      </PageTitle>
      <Stack orientation="vertical" spacing="space80">
        <CleanupSelectionForm pending={preview.isPending} onPreview={runPreview} />
        {preview.isError ? <MutationError error={preview.error} heading="The dry run failed" testId="cleanup-preview-error" /> : null}
        {preview.data && !jobId ? (
          <CleanupDryRunPreview preview={preview.data} markChannelInactive={markChannelInactive} onMarkChannelInactive={setMarkChannelInactive} onConfirm={() => setConfirming(true)} starting={start.isPending} />
        ) : null}
        {start.isError ? <MutationError error={start.error} heading="The clean-up did not start" testId="cleanup-start-error" /> : null}
        {jobId ? <CleanupProgress jobId={jobId} /> : null}
      </Stack>
      <ConfirmDialog
        isOpen={confirming}
        heading={`Clean up ${total} session${total === 1 ? '' : 's'}?`}
        confirmLabel="Start clean-up"
        destructive
        onDismiss={() => setConfirming(false)}
        onConfirm={confirm}
      >
        {`Each session is closed${markChannelInactive ? ', its chat channel marked inactive,' : ''} and deleted from Twilio. The selection is evaluated again when the job starts, so sessions that changed since the dry run may differ.`}
      </ConfirmDialog>
    </>
  );
}
