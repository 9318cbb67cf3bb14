'use client';
import { useQuery } from '@tanstack/react-query';
import { apiClient } from '../lib/api-client';
import type { ChannelView } from '../lib/channels/channel.types';

export const channelQueryKeys = {
  all: ['channels'] as const,
  detail: (sid: string) => ['channels', 'detail', sid] as const,
};

/** A transcript on screen is asked again now and then, so a customer's reply shows up without a reload. */
const TRANSCRIPT_POLL_MS = 4_000;
const TRANSCRIPT_MESSAGES = 50;

export function useChannel(sid: string | undefined) {
  return useQuery<ChannelView>({
    queryKey: channelQueryKeys.detail(sid ?? ''),
    queryFn: ({ signal }) => apiClient.get(`/v1/channels/${encodeURIComponent(sid ?? '')}?messages=${TRANSCRIPT_MESSAGES}`, { signal }),
    enabled: Boolean(sid),
    refetchInterval: TRANSCRIPT_POLL_MS,
  });
}
