'use client';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '../lib/api-client';
import { isFinished, type Campaign, type CampaignAction, type CampaignRecipientPage, type RecipientState } from '../lib/campaigns/campaign.types';

export const campaignQueryKeys = {
  all: ['campaigns'] as const,
  list: ['campaigns', 'list'] as const,
  detail: (id: string) => ['campaigns', 'detail', id] as const,
  recipients: (id: string, state: RecipientState | undefined, after: number, version: string) =>
    ['campaigns', 'recipients', id, state ?? 'all', after, version] as const,
};

/** A campaign that may still change is asked again this often: the progress bar, rate and ETA follow it live. */
export const CAMPAIGN_POLL_MS = 1_000;

export function useCampaigns() {
  return useQuery<Campaign[]>({
    queryKey: campaignQueryKeys.list,
    queryFn: ({ signal }) => apiClient.get('/v1/campaigns?limit=50', { signal }),
    refetchInterval: (query) => (query.state.data?.some((campaign) => !isFinished(campaign.status)) ? CAMPAIGN_POLL_MS * 5 : false),
  });
}

export function useCampaign(id: string) {
  return useQuery<Campaign>({
    queryKey: campaignQueryKeys.detail(id),
    queryFn: ({ signal }) => apiClient.get(`/v1/campaigns/${encodeURIComponent(id)}`, { signal }),
    refetchInterval: (query) => (query.state.data && isFinished(query.state.data.status) ? false : CAMPAIGN_POLL_MS),
  });
}

/**
 * One page of a campaign's recipients. `version` changes whenever the campaign's counts do (the campaign is polled):
 * the page is read again then, and only then, so it is never left behind once the campaign has finished.
 */
export function useCampaignRecipients(id: string, state: RecipientState | undefined, after: number, version: string) {
  const query = new URLSearchParams({ limit: '50', after: String(after) });
  if (state) query.set('state', state);
  return useQuery<CampaignRecipientPage>({
    queryKey: campaignQueryKeys.recipients(id, state, after, version),
    queryFn: ({ signal }) => apiClient.get(`/v1/campaigns/${encodeURIComponent(id)}/recipients?${query}`, { signal }),
    placeholderData: keepPreviousData,
  });
}

export interface CampaignUpload {
  /** The settings and the column mapping, as the query string of POST /v1/campaigns with a CSV body. */
  settings: URLSearchParams;
  csv: string;
  dryRun: boolean;
}

/** Creates a campaign from a CSV (a dry run: the pre-flight report only). */
export function useCreateCampaign() {
  const queryClient = useQueryClient();
  return useMutation<Campaign, unknown, CampaignUpload>({
    mutationFn: ({ settings, csv, dryRun }) => {
      const query = new URLSearchParams(settings);
      if (dryRun) query.set('dryRun', 'true');
      return apiClient.post(`/v1/campaigns?${query}`, csv, { contentType: 'text/csv' });
    },
    onSuccess: (campaign) => {
      queryClient.setQueryData(campaignQueryKeys.detail(campaign.id), campaign);
      return queryClient.invalidateQueries({ queryKey: campaignQueryKeys.list });
    },
  });
}

export function useControlCampaign(id: string) {
  const queryClient = useQueryClient();
  return useMutation<Campaign, unknown, CampaignAction>({
    mutationFn: (action) => apiClient.post(`/v1/campaigns/${encodeURIComponent(id)}/${action}`),
    onSuccess: (campaign) => {
      queryClient.setQueryData(campaignQueryKeys.detail(id), campaign);
      return queryClient.invalidateQueries({ queryKey: campaignQueryKeys.all });
    },
  });
}
