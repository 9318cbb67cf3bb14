import type { TwilioRequest } from './route';
import { invalidParameter } from './twilio-error';

/** Twilio's list limits: "The default is 50, and the maximum is 1000." */
export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 1000;

const PAGING_PARAMS = new Set(['PageSize', 'Page', 'PageToken']);

interface PageWindow<T> {
  items: T[];
  page: number;
  pageSize: number;
  start: number;
  nextToken?: string;
  previousToken?: string;
}

/**
 * Cuts one page out of an ordered list. Position comes from `PageToken` (`PA<sid>`: after that resource,
 * `PB<sid>`: before it), like Twilio's tokens, so pages stay stable while resources are added or removed; `Page`
 * alone (no token) is read as an offset, which Twilio's older lists accept too.
 * `positions` gives each SID's insertion position (also for deleted ones); `descending` says the list runs newest
 * first.
 */
function cutPage<T extends { sid: string }>(request: TwilioRequest, ordered: T[], positions: Positions, descending: boolean): PageWindow<T> {
  const pageSize = request.query.integer('PageSize', { min: 1, max: MAX_PAGE_SIZE }) ?? DEFAULT_PAGE_SIZE;
  const page = request.query.integer('Page', { min: 0 }) ?? 0;
  const token = request.query.string('PageToken');
  let start = page * pageSize;
  if (token) {
    const anchor = positions.sequenceOf(token.slice(2));
    if (!/^P[AB]/.test(token) || anchor === undefined) throw invalidParameter('PageToken');
    const beyond = (item: T) => {
      const sequence = positions.sequenceOf(item.sid) ?? 0;
      return descending ? sequence < anchor : sequence > anchor;
    };
    const firstBeyond = indexOrLength(ordered, beyond);
    if (token.startsWith('PA')) {
      start = firstBeyond;
    } else {
      const firstAtOrBeyond = indexOrLength(ordered, (item) => beyond(item) || item.sid === token.slice(2));
      start = Math.max(0, firstAtOrBeyond - pageSize);
    }
  }
  const items = ordered.slice(start, start + pageSize);
  const hasNext = start + pageSize < ordered.length;
  return {
    items,
    page,
    pageSize,
    start,
    nextToken: hasNext && items.length > 0 ? `PA${items[items.length - 1].sid}` : undefined,
    previousToken: start > 0 && page > 0 && items.length > 0 ? `PB${items[0].sid}` : undefined,
  };
}

function indexOrLength<T>(items: T[], predicate: (item: T) => boolean): number {
  const index = items.findIndex(predicate);
  return index === -1 ? items.length : index;
}

function filterQuery(request: TwilioRequest): URLSearchParams {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(request.query.raw)) {
    if (PAGING_PARAMS.has(name)) continue;
    for (const item of Array.isArray(value) ? value : [value]) query.append(name, item);
  }
  return query;
}

function pageQuery(request: TwilioRequest, pageSize: number, page: number, token?: string): string {
  const query = filterQuery(request);
  query.set('PageSize', String(pageSize));
  query.set('Page', String(page));
  if (token) query.set('PageToken', token);
  return query.toString();
}

/** Where each SID sits in insertion order, deleted ones too: a Collection, usually the one the items come from. */
export interface Positions {
  sequenceOf(sid: string): number | undefined;
}

export interface ListOptions<T> {
  /** Name of the list in the body and `meta.key` (e.g. `flex_flows`). */
  key: string;
  serialize: (item: T) => unknown;
  positions: Positions;
  descending?: boolean;
}

/** A v1/v2 list page: the items under `key` plus Twilio's `meta` envelope with absolute URLs back to the sandbox. */
export function listPage<T extends { sid: string }>(request: TwilioRequest, ordered: T[], options: ListOptions<T>) {
  const window = cutPage(request, ordered, options.positions, options.descending ?? false);
  const base = `${request.baseUrl}/${request.domain}${request.path}`;
  const url = (page: number, token?: string) => `${base}?${pageQuery(request, window.pageSize, page, token)}`;
  return {
    [options.key]: window.items.map(options.serialize),
    meta: {
      page: window.page,
      page_size: window.pageSize,
      first_page_url: url(0),
      previous_page_url: window.previousToken ? url(window.page - 1, window.previousToken) : null,
      url: url(window.page, request.query.string('PageToken')),
      next_page_url: window.nextToken ? url(window.page + 1, window.nextToken) : null,
      key: options.key,
    },
  };
}

/**
 * An API 2010 list page: top-level paging fields with URIs relative to api.twilio.com (the SDK makes them
 * absolute against its own domain, which the adapter sends back to the sandbox).
 */
export function legacyListPage<T extends { sid: string }>(request: TwilioRequest, ordered: T[], options: ListOptions<T>) {
  const window = cutPage(request, ordered, options.positions, options.descending ?? false);
  const uri = (page: number, token?: string) => `${request.path}?${pageQuery(request, window.pageSize, page, token)}`;
  return {
    [options.key]: window.items.map(options.serialize),
    end: window.start + Math.max(window.items.length - 1, 0),
    first_page_uri: uri(0),
    next_page_uri: window.nextToken ? uri(window.page + 1, window.nextToken) : null,
    page: window.page,
    page_size: window.pageSize,
    previous_page_uri: window.previousToken ? uri(window.page - 1, window.previousToken) : null,
    start: window.start,
    uri: uri(window.page, request.query.string('PageToken')),
  };
}
