'use client';
import { useQuery } from '@tanstack/react-query';
import { apiClient } from '../lib/api-client';
import { notReadyReadiness, toReadiness, type Readiness } from '../lib/readiness';

export const healthQueryKeys = {
  readiness: ['health', 'ready'] as const,
};

/** How often readiness is asked again, so the console notices the API coming back (or going away) without a reload. */
const READINESS_POLL_MS = 15_000;

async function fetchReadiness(signal: AbortSignal): Promise<Readiness> {
  try {
    return toReadiness(await apiClient.get<unknown>('/health/ready', { signal }));
  } catch (error) {
    // NOT_READY is the API answering "I am up, but a dependency is down": data to show, not a failure.
    const notReady = notReadyReadiness(error);
    if (notReady) return notReady;
    throw error;
  }
}

export function useReadiness() {
  return useQuery<Readiness>({
    queryKey: healthQueryKeys.readiness,
    queryFn: ({ signal }) => fetchReadiness(signal),
    refetchInterval: READINESS_POLL_MS,
  });
}
