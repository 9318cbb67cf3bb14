'use client';
import { useQuery } from '@tanstack/react-query';
import { apiClient } from '../lib/api-client';
import type { NumberDiagnosis } from '../lib/doctor/diagnosis.types';

export const doctorQueryKeys = {
  all: ['doctor'] as const,
  number: (number: string) => ['doctor', number] as const,
};

/** The set-up checklist of one number. Never stale on its own: the operator asks again after fixing something. */
export function useDiagnosis(number: string | undefined) {
  return useQuery<NumberDiagnosis>({
    queryKey: doctorQueryKeys.number(number ?? ''),
    queryFn: ({ signal }) => apiClient.get(`/v1/doctor?${new URLSearchParams({ number: number ?? '' })}`, { signal }),
    enabled: Boolean(number),
    staleTime: 0,
  });
}
