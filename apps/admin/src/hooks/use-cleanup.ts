'use client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { cleanupApi } from '../lib/cleanup/cleanup-api';
import { isFinished, type CleanupItem, type CleanupJobView, type CleanupPreview, type ProxySessionSelection } from '../lib/cleanup/cleanup.types';
import { proxySessionQueryKeys } from './use-proxy-sessions';

export const cleanupQueryKeys = {
  all: ['cleanup'] as const,
  job: (id: string) => ['cleanup', 'job', id] as const,
  failedItems: (id: string) => ['cleanup', 'job', id, 'failed-items'] as const,
};

/** How often a running job is asked for its progress: often enough for a smooth bar, cheap for the API (one SQL count). */
const RUNNING_JOB_POLL_MS = 1_000;

export function useCleanupPreview() {
  return useMutation<CleanupPreview, Error, ProxySessionSelection>({ mutationFn: (selection) => cleanupApi.previewProxySessions(selection) });
}

export function useStartCleanup() {
  const queryClient = useQueryClient();
  return useMutation<CleanupJobView, Error, { selection: ProxySessionSelection; markChannelInactive: boolean }>({
    mutationFn: ({ selection, markChannelInactive }) => cleanupApi.startProxySessions(selection, { markChannelInactive }),
    // The 202 answer is the job's first progress report: shown at once, then polled.
    onSuccess: (job) => queryClient.setQueryData(cleanupQueryKeys.job(job.id), job),
  });
}

/** A job's progress, polled while it runs; when it finishes the sessions it cleaned are read afresh. */
export function useCleanupJob(id: string | undefined) {
  const queryClient = useQueryClient();
  return useQuery<CleanupJobView>({
    queryKey: cleanupQueryKeys.job(id ?? ''),
    queryFn: async ({ signal }) => {
      const job = await cleanupApi.job(id ?? '', signal);
      if (isFinished(job)) void queryClient.invalidateQueries({ queryKey: proxySessionQueryKeys.all });
      return job;
    },
    enabled: Boolean(id),
    refetchInterval: (query) => (query.state.data && isFinished(query.state.data) ? false : RUNNING_JOB_POLL_MS),
  });
}

export function useCleanupFailures(id: string, enabled: boolean) {
  return useQuery<CleanupItem[]>({
    queryKey: cleanupQueryKeys.failedItems(id),
    queryFn: ({ signal }) => cleanupApi.items(id, 'failed', signal),
    enabled,
  });
}

export function useCancelCleanup() {
  const queryClient = useQueryClient();
  return useMutation<CleanupJobView, Error, string>({
    mutationFn: (id) => cleanupApi.cancel(id),
    onSuccess: (job) => queryClient.setQueryData(cleanupQueryKeys.job(job.id), job),
  });
}
