'use client';
import { useQuery } from '@tanstack/react-query';
import { apiClient } from '../lib/api-client';
import type { ContentTemplateList } from '../lib/content-templates/content-template.types';

export const contentTemplateQueryKeys = { all: ['content-templates'] as const };

/**
 * The account's Content templates with their WhatsApp approval (the API keeps them cached a few minutes): the Send
 * page's and the Campaigns page's, one query. `enabled`: read only once a form asks for a template.
 */
export function useContentTemplates(enabled = true) {
  return useQuery<ContentTemplateList>({
    queryKey: contentTemplateQueryKeys.all,
    queryFn: ({ signal }) => apiClient.get('/v1/content-templates', { signal }),
    enabled,
  });
}
