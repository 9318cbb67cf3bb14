'use client';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '../lib/api-client';
import { historySearchParams, type HistoryFilters } from '../lib/outbound/history-filters';
import { IDEMPOTENCY_KEY_HEADER, type Submission } from '../lib/outbound/idempotency-key';
import type {
  InitiateAgentSmsRequest,
  OutboundHistoryPage,
  OutboundRequest,
  OutboundSmsResult,
  SendSystemSmsRequest,
} from '../lib/outbound/outbound.types';
import { channelQueryKeys } from './use-channels';
import { proxySessionQueryKeys } from './use-proxy-sessions';
import { sandboxHandsetQueryKeys } from './use-sandbox-handset';

export const outboundQueryKeys = {
  all: ['outbound'] as const,
  list: (filters: HistoryFilters) => ['outbound', 'list', filters] as const,
  detail: (id: string) => ['outbound', 'detail', id] as const,
};

/** A request still in flight, or with follow-up work pending, is asked again until it settles. */
const UNSETTLED_POLL_MS = 2_000;

function isSettled(request: OutboundRequest): boolean {
  return request.status !== 'in_flight' && request.pendingSteps.every((step) => step.status !== 'pending');
}

export function useOutboundHistory(filters: HistoryFilters) {
  return useQuery<OutboundHistoryPage>({
    queryKey: outboundQueryKeys.list(filters),
    queryFn: ({ signal }) => apiClient.get(`/v1/outbound?${historySearchParams(filters, { includePageSize: true })}`, { signal }),
    // Paging keeps the current rows on screen until the next page arrives, instead of flashing a spinner.
    placeholderData: keepPreviousData,
  });
}

export function useOutboundRequest(id: string) {
  return useQuery<OutboundRequest>({
    queryKey: outboundQueryKeys.detail(id),
    queryFn: ({ signal }) => apiClient.get(`/v1/outbound/${encodeURIComponent(id)}`, { signal }),
    refetchInterval: (query) => (query.state.data && !isSettled(query.state.data) ? UNSETTLED_POLL_MS : false),
  });
}

/** After a send: the journal has a new request, and the sessions, channels and handsets changed on Twilio's side. */
function useInvalidateAfterSend() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all(
      [outboundQueryKeys.all, proxySessionQueryKeys.all, channelQueryKeys.all, sandboxHandsetQueryKeys.all].map((queryKey) =>
        queryClient.invalidateQueries({ queryKey }),
      ),
    );
}

/** A send with its submission's Idempotency-Key (see idempotency-key.ts). */
function send(path: string, { request, idempotencyKey }: Submission<unknown>): Promise<OutboundSmsResult> {
  return apiClient.post(path, request, { headers: { [IDEMPOTENCY_KEY_HEADER]: idempotencyKey } });
}

export function useInitiateAgentSms() {
  const invalidate = useInvalidateAfterSend();
  return useMutation<OutboundSmsResult, Error, Submission<InitiateAgentSmsRequest>>({
    mutationFn: (submission) => send('/v1/outbound/task', submission),
    onSuccess: invalidate,
  });
}

export function useSendSystemSms() {
  const invalidate = useInvalidateAfterSend();
  return useMutation<OutboundSmsResult, Error, Submission<SendSystemSmsRequest>>({
    mutationFn: (submission) => send('/v1/outbound/message', submission),
    onSuccess: invalidate,
  });
}
