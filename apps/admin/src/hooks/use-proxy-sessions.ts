'use client';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '../lib/api-client';
import { PROXY_SESSION_PAGE_SIZE, type ProxyParticipant, type ProxySession, type ProxySessionPage } from '../lib/proxy-sessions/proxy-session.types';

export const proxySessionQueryKeys = {
  all: ['proxy-sessions'] as const,
  page: (pageToken: string | undefined, pageSize: number) => ['proxy-sessions', 'page', pageToken ?? 'first', pageSize] as const,
  detail: (sid: string) => ['proxy-sessions', 'detail', sid] as const,
  participants: (sid: string) => ['proxy-sessions', 'participants', sid] as const,
};

const BASE = '/v1/proxy/sessions';

export function useProxySessions(pageToken: string | undefined, pageSize = PROXY_SESSION_PAGE_SIZE) {
  return useQuery<ProxySessionPage>({
    queryKey: proxySessionQueryKeys.page(pageToken, pageSize),
    queryFn: ({ signal }) => {
      const params = new URLSearchParams({ pageSize: String(pageSize) });
      if (pageToken) params.set('pageToken', pageToken);
      return apiClient.get(`${BASE}?${params}`, { signal });
    },
    placeholderData: keepPreviousData,
  });
}

export function useProxySession(sid: string) {
  return useQuery<ProxySession>({
    queryKey: proxySessionQueryKeys.detail(sid),
    queryFn: ({ signal }) => apiClient.get(`${BASE}/${encodeURIComponent(sid)}`, { signal }),
  });
}

export function useProxyParticipants(sid: string) {
  return useQuery<ProxyParticipant[]>({
    queryKey: proxySessionQueryKeys.participants(sid),
    queryFn: async ({ signal }) =>
      (await apiClient.get<{ participants: ProxyParticipant[] }>(`${BASE}/${encodeURIComponent(sid)}/participants`, { signal })).participants,
  });
}

export interface SessionBatchResult {
  done: string[];
  failed: Array<{ sid: string; error: unknown }>;
}

/**
 * Runs one action over the selected sessions, one at a time (Proxy rate-limits writes per service), and reports
 * each session's outcome instead of stopping at the first failure.
 */
async function forEachSession(sids: readonly string[], action: (sid: string) => Promise<unknown>): Promise<SessionBatchResult> {
  const result: SessionBatchResult = { done: [], failed: [] };
  for (const sid of sids) {
    try {
      await action(sid);
      result.done.push(sid);
    } catch (error) {
      result.failed.push({ sid, error });
    }
  }
  return result;
}

function useSessionBatch(action: (sid: string) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation<SessionBatchResult, Error, readonly string[]>({
    mutationFn: (sids) => forEachSession(sids, action),
    onSettled: () => queryClient.invalidateQueries({ queryKey: proxySessionQueryKeys.all }),
  });
}

export function useCloseProxySessions() {
  return useSessionBatch((sid) => apiClient.post(`${BASE}/${encodeURIComponent(sid)}/close`));
}

export function useDeleteProxySessions() {
  return useSessionBatch((sid) => apiClient.delete(`${BASE}/${encodeURIComponent(sid)}`));
}
