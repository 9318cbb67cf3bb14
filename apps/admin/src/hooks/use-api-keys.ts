'use client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '../lib/api-client';
import type { ApiKey, CreateApiKeyRequest, CreatedApiKey, RotatedSigningSecret, UpdateApiKeyRequest } from '../lib/api-keys/api-key.types';

export const apiKeyQueryKeys = { list: ['api-keys'] as const };

export function useApiKeys() {
  return useQuery<ApiKey[]>({ queryKey: apiKeyQueryKeys.list, queryFn: ({ signal }) => apiClient.get<ApiKey[]>('/v1/api-keys', { signal }) });
}

export function useCreateApiKey() {
  const queryClient = useQueryClient();
  return useMutation<CreatedApiKey, unknown, CreateApiKeyRequest>({
    mutationFn: (request) => apiClient.post<CreatedApiKey>('/v1/api-keys', request),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: apiKeyQueryKeys.list }),
  });
}

export function useRevokeApiKey() {
  const queryClient = useQueryClient();
  return useMutation<ApiKey, unknown, string>({
    mutationFn: (id) => apiClient.delete<ApiKey>(`/v1/api-keys/${encodeURIComponent(id)}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: apiKeyQueryKeys.list }),
  });
}

export function useUpdateApiKey() {
  const queryClient = useQueryClient();
  return useMutation<ApiKey, unknown, { id: string; request: UpdateApiKeyRequest }>({
    mutationFn: ({ id, request }) => apiClient.patch<ApiKey>(`/v1/api-keys/${encodeURIComponent(id)}`, request),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: apiKeyQueryKeys.list }),
  });
}

export function useRotateSigningSecret() {
  const queryClient = useQueryClient();
  return useMutation<RotatedSigningSecret, unknown, string>({
    mutationFn: (id) => apiClient.post<RotatedSigningSecret>(`/v1/api-keys/${encodeURIComponent(id)}/signing-secret`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: apiKeyQueryKeys.list }),
  });
}
