// The History page's filters live in the URL (shareable, survive a reload); the API takes the same names.
import { PARAMETER_LIMITS } from '../api/wire';
import { OUTBOUND_KINDS, OUTBOUND_STATUSES, type OutboundKind, type OutboundStatus } from './outbound.types';

export interface HistoryFilters {
  status?: OutboundStatus;
  kind?: OutboundKind;
  /** Either side of the conversation, E.164. */
  number?: string;
  page: number;
  pageSize: number;
}

export const HISTORY_PAGE_SIZE = PARAMETER_LIMITS['GET /api/v1/outbound'].pageSize.default;

function oneOf<T extends string>(values: readonly T[], value: string | null): T | undefined {
  return values.find((candidate) => candidate === value);
}

/** Filters from the page's URL; anything unknown is ignored rather than sent to be refused. */
export function historyFiltersFrom(params: URLSearchParams): HistoryFilters {
  const page = Number(params.get('page'));
  return {
    status: oneOf(OUTBOUND_STATUSES, params.get('status')),
    kind: oneOf(OUTBOUND_KINDS, params.get('kind')),
    number: params.get('number')?.trim() || undefined,
    page: Number.isInteger(page) && page > 0 ? page : 1,
    pageSize: HISTORY_PAGE_SIZE,
  };
}

/** The query string for both the page URL and `GET /api/v1/outbound` (a `+` must be encoded or it reads as a space). */
export function historySearchParams(filters: HistoryFilters, options: { includePageSize: boolean }): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.status) params.set('status', filters.status);
  if (filters.kind) params.set('kind', filters.kind);
  if (filters.number) params.set('number', filters.number);
  if (filters.page > 1 || options.includePageSize) params.set('page', String(filters.page));
  if (options.includePageSize) params.set('pageSize', String(filters.pageSize));
  return params;
}

export function pageCount(total: number, pageSize: number): number {
  return Math.max(1, Math.ceil(total / pageSize));
}
