'use client';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '../lib/api-client';
import type { AddOptOutRequest, ConsentAuditEntry, ConsentImportResult, OptOut, OptOutPage } from '../lib/consent/consent.types';

export interface OptOutSearch {
  number?: string;
  page: number;
}

export const consentQueryKeys = {
  all: ['consent'] as const,
  list: (search: OptOutSearch) => ['consent', 'list', search] as const,
  audit: (recipient: string) => ['consent', 'audit', recipient] as const,
};

export function useOptOuts(search: OptOutSearch) {
  const query = new URLSearchParams({ page: String(search.page) });
  if (search.number) query.set('number', search.number);
  return useQuery<OptOutPage>({
    queryKey: consentQueryKeys.list(search),
    queryFn: ({ signal }) => apiClient.get<OptOutPage>(`/v1/consent?${query}`, { signal }),
    placeholderData: keepPreviousData,
  });
}

export function useConsentAudit(recipient: string | undefined) {
  return useQuery<ConsentAuditEntry[]>({
    queryKey: consentQueryKeys.audit(recipient ?? ''),
    queryFn: ({ signal }) => apiClient.get<ConsentAuditEntry[]>(`/v1/consent/${encodeURIComponent(recipient ?? '')}/audit`, { signal }),
    enabled: Boolean(recipient),
  });
}

/** Every change touches the list and some audit trail: all of the register's queries are refreshed. */
function useInvalidateConsent() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: consentQueryKeys.all });
}

export function useAddOptOut() {
  const invalidate = useInvalidateConsent();
  return useMutation<OptOut, unknown, AddOptOutRequest>({ mutationFn: (request) => apiClient.post('/v1/consent', request), onSuccess: invalidate });
}

export function useRemoveOptOut() {
  const invalidate = useInvalidateConsent();
  return useMutation<void, unknown, { recipient: string; scope: string; reason: string }>({
    mutationFn: ({ recipient, scope, reason }) =>
      apiClient.delete(`/v1/consent/${encodeURIComponent(recipient)}?${new URLSearchParams({ scope, reason })}`),
    onSuccess: invalidate,
  });
}

export function useImportOptOuts() {
  const invalidate = useInvalidateConsent();
  return useMutation<ConsentImportResult, unknown, string>({
    mutationFn: (csv) => apiClient.post('/v1/consent/import', csv, { contentType: 'text/csv' }),
    onSuccess: invalidate,
  });
}
