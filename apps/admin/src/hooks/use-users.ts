'use client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '../lib/api-client';
import type { ConsoleUser, CreateUserRequest } from '../lib/users/user.types';
import type { UserRole } from '../lib/auth/auth.types';

export const userQueryKeys = { list: ['users'] as const };

export function useUsers() {
  return useQuery<ConsoleUser[]>({ queryKey: userQueryKeys.list, queryFn: ({ signal }) => apiClient.get<ConsoleUser[]>('/v1/users', { signal }) });
}

function useInvalidateUsers() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: userQueryKeys.list });
}

export function useCreateUser() {
  const invalidate = useInvalidateUsers();
  return useMutation<ConsoleUser, unknown, CreateUserRequest>({
    mutationFn: (request) => apiClient.post('/v1/users', request),
    onSuccess: invalidate,
  });
}

export function useChangeUserRole() {
  const invalidate = useInvalidateUsers();
  return useMutation<ConsoleUser, unknown, { id: string; role: UserRole }>({
    mutationFn: ({ id, role }) => apiClient.patch(`/v1/users/${encodeURIComponent(id)}`, { role }),
    onSuccess: invalidate,
  });
}

export function useDeleteUser() {
  const invalidate = useInvalidateUsers();
  return useMutation<void, unknown, string>({ mutationFn: (id) => apiClient.delete(`/v1/users/${encodeURIComponent(id)}`), onSuccess: invalidate });
}
