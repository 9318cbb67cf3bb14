'use client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { cleanupApi } from '../lib/cleanup/cleanup-api';
import type { CleanupTarget } from '../lib/cleanup/cleanup-targets';
import { isFinished, type CleanupItem, type CleanupJobView, type CleanupPreview, type CleanupSelection } from '../lib/cleanup/cleanup.types';
import { conversationQueryKeys } from './use-conversations';
import { proxySessionQueryKeys } from './use-proxy-sessions';

export const cleanupQueryKeys = {
  all: ['cleanup'] as const,
  job: (id: string) => ['cleanup', 'job', id] as const,
  failedItems: (id: string) => ['cleanup', 'job', id, 'failed-items'] as const,
};

/** How often a running job is asked for its progress: often enough for a smooth bar, cheap for the API (one SQL count). */
const RUNNING_JOB_POLL_MS = 1_000;

/** What a clean-up takes: its selection and its one option (see CleanupTarget.option). */
export interface CleanupRequest {
  selection: CleanupSelection;
  optionOn: boolean;
}

export function useCleanupPreview(target: CleanupTarget) {
  return useMutation<CleanupPreview, Error, CleanupRequest>({
    mutationFn: ({ selection, optionOn }) => cleanupApi.preview(target, selection, optionOn),
  });
}

export function useStartCleanup(target: CleanupTarget) {
  const queryClient = useQueryClient();
  return useMutation<CleanupJobView, Error, CleanupRequest>({
    mutationFn: ({ selection, optionOn }) => cleanupApi.start(target, selection, optionOn),
    // The 202 answer is the job's first progress report: shown at once, then polled.
    onSuccess: (job) => queryClient.setQueryData(cleanupQueryKeys.job(job.id), job),
  });
}

/** A job's progress, polled while it runs; when it finishes the sessions or conversations it cleaned are read afresh. */
export function useCleanupJob(id: string | undefined) {
  const queryClient = useQueryClient();
  return useQuery<CleanupJobView>({
    queryKey: cleanupQueryKeys.job(id ?? ''),
    queryFn: async ({ signal }) => {
      const job = await cleanupApi.job(id ?? '', signal);
      if (isFinished(job)) {
        for (const queryKey of [proxySessionQueryKeys.all, conversationQueryKeys.all]) void queryClient.invalidateQueries({ queryKey });
      }
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
