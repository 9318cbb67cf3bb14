'use client';
import { useQuery } from '@tanstack/react-query';
import { apiClient } from '../lib/api-client';
import type { SystemCallbackList } from '../lib/outbound/system-callbacks.types';

export const systemCallbackQueryKeys = {
  ofRequest: (requestId: string) => ['outbound', 'detail', requestId, 'callbacks'] as const,
};

/** A callback still pending is retried by the API: its log is asked again until every callback has settled. */
const PENDING_POLL_MS = 2_000;

export function useSystemCallbacks(requestId: string) {
  return useQuery<SystemCallbackList>({
    queryKey: systemCallbackQueryKeys.ofRequest(requestId),
    queryFn: ({ signal }) => apiClient.get(`/v1/outbound/${encodeURIComponent(requestId)}/callbacks`, { signal }),
    refetchInterval: (query) => (query.state.data?.items.some((callback) => callback.status === 'pending') ? PENDING_POLL_MS : false),
    // A refusal (the API decides who may read the log) is an answer, not a hiccup to retry.
    retry: false,
  });
}
