// The clean-up routes of the API, in one place (apps/api/src/cleanup/cleanup-jobs.http.controller.ts): one POST per
// kind, `dryRun: true` for the preview (200) or the job, started (202); then the job is polled by id.
import { apiClient } from '../api-client';
import type { CleanupTarget } from './cleanup-targets';
import type { CleanupItem, CleanupItemStatus, CleanupJobView, CleanupPreview, CleanupSelection } from './cleanup.types';

const BASE = '/v1/cleanup';

export const cleanupApi = {
  preview: (target: CleanupTarget, selection: CleanupSelection, optionOn: boolean) =>
    apiClient.post<CleanupPreview>(`${BASE}/${target.kind}`, target.requestBody(selection, { dryRun: true, optionOn })),
  start: (target: CleanupTarget, selection: CleanupSelection, optionOn: boolean) =>
    apiClient.post<CleanupJobView>(`${BASE}/${target.kind}`, target.requestBody(selection, { dryRun: false, optionOn })),
  job: (id: string, signal?: AbortSignal) => apiClient.get<CleanupJobView>(`${BASE}/jobs/${encodeURIComponent(id)}`, { signal }),
  items: async (id: string, status: CleanupItemStatus, signal?: AbortSignal) =>
    (await apiClient.get<{ items: CleanupItem[] }>(`${BASE}/jobs/${encodeURIComponent(id)}/items?status=${status}`, { signal })).items,
  cancel: (id: string) => apiClient.post<CleanupJobView>(`${BASE}/jobs/${encodeURIComponent(id)}/cancel`),
};
