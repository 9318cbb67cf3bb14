'use client';
import { useQuery } from '@tanstack/react-query';
import { apiClient } from '../lib/api-client';
import type { ConversationView } from '../lib/conversations/conversation.types';

export const conversationQueryKeys = {
  all: ['conversations'] as const,
  detail: (sid: string) => ['conversations', 'detail', sid] as const,
};

/** Polled like a chat channel's transcript, so a customer's reply shows up without a reload. */
const TRANSCRIPT_POLL_MS = 4_000;
const TRANSCRIPT_MESSAGES = 50;

export function useConversation(sid: string | undefined) {
  return useQuery<ConversationView>({
    queryKey: conversationQueryKeys.detail(sid ?? ''),
    queryFn: ({ signal }) => apiClient.get(`/v1/conversations/${encodeURIComponent(sid ?? '')}?messages=${TRANSCRIPT_MESSAGES}`, { signal }),
    enabled: Boolean(sid),
    refetchInterval: TRANSCRIPT_POLL_MS,
  });
}
