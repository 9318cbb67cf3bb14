'use client';
import { useQuery } from '@tanstack/react-query';
import { apiClient } from '../lib/api-client';
import type { CustomerWindow, Sender } from '../lib/senders/senders.types';

export const senderQueryKeys = {
  all: ['senders'] as const,
  list: ['senders', 'list'] as const,
  window: (from: string, to: string) => ['senders', 'window', from, to] as const,
};

/** A customer's reply opens the window at any moment: read again this often while the form shows it. */
const WINDOW_POLL_MS = 15_000;

/** The numbers the caller may send from, each with its mode (and why) and channels, as the API's sends decide them. */
export function useSenders() {
  return useQuery<Sender[]>({
    queryKey: senderQueryKeys.list,
    queryFn: async ({ signal }) => (await apiClient.get<{ senders: Sender[] }>('/v1/senders', { signal })).senders,
  });
}

/** The WhatsApp window between a sender and a customer; only asked for two valid numbers (`enabled`). */
export function useCustomerWindow(from: string, to: string, enabled: boolean) {
  return useQuery<CustomerWindow>({
    queryKey: senderQueryKeys.window(from, to),
    queryFn: ({ signal }) => apiClient.get(`/v1/senders/${encodeURIComponent(from)}/window?${new URLSearchParams({ to })}`, { signal }),
    enabled,
    refetchInterval: WINDOW_POLL_MS,
  });
}
