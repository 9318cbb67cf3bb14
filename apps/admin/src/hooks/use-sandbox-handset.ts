'use client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '../lib/api-client';
import type { HandsetList, HandsetReplyOutcome, HandsetThread } from '../lib/sandbox-handset/sandbox-handset.types';
import { channelQueryKeys } from './use-channels';

export const sandboxHandsetQueryKeys = {
  all: ['sandbox-handset'] as const,
  list: ['sandbox-handset', 'list'] as const,
  thread: (number: string) => ['sandbox-handset', 'thread', number] as const,
};

/** A phone on screen shows new SMS as they arrive (an agent answering from Flex, a follow-up send). */
const HANDSET_POLL_MS = 3_000;
const BASE = '/v1/sandbox/handset';

export function useHandsets() {
  return useQuery<HandsetList>({
    queryKey: sandboxHandsetQueryKeys.list,
    queryFn: ({ signal }) => apiClient.get(BASE, { signal }),
    refetchInterval: HANDSET_POLL_MS,
  });
}

export function useHandsetThread(number: string | undefined) {
  return useQuery<HandsetThread>({
    queryKey: sandboxHandsetQueryKeys.thread(number ?? ''),
    queryFn: ({ signal }) => apiClient.get(`${BASE}/${encodeURIComponent(number ?? '')}`, { signal }),
    enabled: Boolean(number),
    refetchInterval: HANDSET_POLL_MS,
  });
}

export interface HandsetReply {
  from: string;
  to: string;
  body: string;
}

export function useReplyAsCustomer() {
  const queryClient = useQueryClient();
  return useMutation<HandsetReplyOutcome, Error, HandsetReply>({
    mutationFn: ({ from, to, body }) => apiClient.post(`${BASE}/${encodeURIComponent(from)}/replies`, { to, body }),
    // The reply lands in the phone's thread and, through Proxy, in a Flex channel's transcript.
    onSuccess: () => Promise.all([sandboxHandsetQueryKeys.all, channelQueryKeys.all].map((queryKey) => queryClient.invalidateQueries({ queryKey }))),
  });
}
