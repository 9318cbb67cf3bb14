'use client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '../lib/api-client';
import type { FlexFlow } from '../lib/flex-flows/flex-flow.types';
import type { FlexFlowRequest } from '../lib/flex-flows/flex-flow-form';

export const flexFlowQueryKeys = {
  all: ['flex-flows'] as const,
  list: ['flex-flows', 'list'] as const,
  detail: (sid: string) => ['flex-flows', 'detail', sid] as const,
};

/** The account's Flex Flows (the API serves them from its cache; `refresh` asks it to re-read them from Twilio). */
export function useFlexFlows() {
  return useQuery<FlexFlow[]>({
    queryKey: flexFlowQueryKeys.list,
    queryFn: async ({ signal }) => (await apiClient.get<{ flexFlows: FlexFlow[] }>('/v1/flex-flows', { signal })).flexFlows,
  });
}

/** Forget the API's cache and read the flows from Twilio again (after a change made in the Twilio Console). */
export function useRefreshFlexFlowsFromTwilio() {
  const queryClient = useQueryClient();
  return useMutation<FlexFlow[], Error, void>({
    mutationFn: async () => (await apiClient.get<{ flexFlows: FlexFlow[] }>('/v1/flex-flows?refresh=true')).flexFlows,
    onSuccess: (flows) => queryClient.setQueryData(flexFlowQueryKeys.list, flows),
  });
}

export function useFlexFlow(sid: string) {
  return useQuery<FlexFlow>({
    queryKey: flexFlowQueryKeys.detail(sid),
    queryFn: ({ signal }) => apiClient.get(`/v1/flex-flows/${encodeURIComponent(sid)}`, { signal }),
  });
}

/** Every change to a flow changes the list, the flow, and which numbers the Send forms offer. */
function useInvalidateFlexFlows() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: flexFlowQueryKeys.all });
}

export function useCreateFlexFlow() {
  const invalidate = useInvalidateFlexFlows();
  return useMutation<FlexFlow, Error, FlexFlowRequest>({
    mutationFn: (request) => apiClient.post('/v1/flex-flows', request),
    onSuccess: invalidate,
  });
}

export function useUpdateFlexFlow(sid: string) {
  const invalidate = useInvalidateFlexFlows();
  return useMutation<FlexFlow, Error, Partial<FlexFlowRequest>>({
    mutationFn: (changes) => apiClient.patch(`/v1/flex-flows/${encodeURIComponent(sid)}`, changes),
    onSuccess: invalidate,
  });
}

export function useDeleteFlexFlow() {
  const queryClient = useQueryClient();
  return useMutation<void, Error, string>({
    mutationFn: (sid) => apiClient.delete(`/v1/flex-flows/${encodeURIComponent(sid)}`),
    onSuccess: (_nothing, sid) => {
      queryClient.removeQueries({ queryKey: flexFlowQueryKeys.detail(sid) });
      return queryClient.invalidateQueries({ queryKey: flexFlowQueryKeys.list });
    },
  });
}
