'use client';
// Dry run first, then a confirm step naming how many items go, then the job's progress: a clean-up closes or
// deletes Twilio resources, so nothing runs without the operator having seen what it takes. The same flow serves
// every kind of clean-up the deployment needs (see cleanup-targets.ts).
import { Radio, RadioGroup } from '@twilio-paste/core/radio-group';
import { Stack } from '@twilio-paste/core/stack';
import { useState } from 'react';
import { useCleanupPreview, useStartCleanup, type CleanupRequest } from '../../hooks/use-cleanup';
import { useDeployment } from '../../hooks/use-deployment';
import { cleanupTargetsFor, countOf, type CleanupTarget } from '../../lib/cleanup/cleanup-targets';
import { ConfirmDialog } from '../common/ConfirmDialog';
import { LoadingState } from '../common/LoadingState';
import { MutationError } from '../common/MutationError';
import { PageTitle } from '../common/PageTitle';
import { CleanupDryRunPreview } from './CleanupDryRunPreview';
import { CleanupProgress } from './CleanupProgress';
import { CleanupSelectionForm } from './CleanupSelectionForm';

export function CleanupPage() {
  const deployment = useDeployment();
  const targets = cleanupTargetsFor(deployment.outboundMode);
  const [chosen, setChosen] = useState<CleanupTarget['kind']>();
  const target = targets.find((candidate) => candidate.kind === chosen) ?? targets[0];

  return (
    <>
      <PageTitle heading="Cleanup">
        {targets.length === 1
          ? target.description
          : 'Close stale Proxy sessions and conversations in bulk — stuck ones block a customer’s next conversation. Preview what a clean-up takes, then confirm.'}
      </PageTitle>
      {!deployment.settled ? (
        <LoadingState label="Loading…" />
      ) : (
        <Stack orientation="vertical" spacing="space80">
          {targets.length > 1 ? (
            <RadioGroup
              name="cleanup-target"
              legend="What to clean up"
              value={target.kind}
              onChange={(value) => setChosen(value as CleanupTarget['kind'])}
              orientation="horizontal"
            >
              {targets.map((candidate) => (
                <Radio key={candidate.kind} id={`cleanup-target-${candidate.kind}`} value={candidate.kind}>
                  {candidate.label}
                </Radio>
              ))}
            </RadioGroup>
          ) : null}
          {/* Keyed by the target: switching starts a fresh selection, without the other kind's preview or job. */}
          <CleanupFlow key={target.kind} target={target} />
        </Stack>
      )}
    </>
  );
}

function CleanupFlow({ target }: { target: CleanupTarget }) {
  const preview = useCleanupPreview(target);
  const start = useStartCleanup(target);
  const [request, setRequest] = useState<CleanupRequest>();
  const [confirming, setConfirming] = useState(false);
  const [jobId, setJobId] = useState<string>();

  const runPreview = (next: CleanupRequest) => {
    setRequest(next);
    setJobId(undefined);
    start.reset();
    preview.mutate(next);
  };
  const confirm = () => {
    setConfirming(false);
    if (request) start.mutate(request, { onSuccess: (job) => setJobId(job.id) });
  };
  const count = countOf(target.kind, preview.data?.total ?? 0);

  return (
    <>
      <Stack orientation="vertical" spacing="space80">
        <CleanupSelectionForm target={target} pending={preview.isPending} onPreview={runPreview} />
        {preview.isError ? <MutationError error={preview.error} heading="The dry run failed" testId="cleanup-preview-error" /> : null}
        {preview.data && !jobId ? (
          <CleanupDryRunPreview target={target} preview={preview.data} onConfirm={() => setConfirming(true)} starting={start.isPending} />
        ) : null}
        {start.isError ? <MutationError error={start.error} heading="The clean-up did not start" testId="cleanup-start-error" /> : null}
        {jobId ? <CleanupProgress jobId={jobId} /> : null}
      </Stack>
      <ConfirmDialog
        isOpen={confirming}
        heading={`Clean up ${count}?`}
        confirmLabel="Start clean-up"
        destructive
        onDismiss={() => setConfirming(false)}
        onConfirm={confirm}
      >
        {target.confirmText(request?.optionOn ?? target.option.defaultOn)}
      </ConfirmDialog>
    </>
  );
}
