import type { Params } from './params';

/** What a handler sees of one Twilio request. */
export interface TwilioRequest {
  method: string;
  /** Twilio domain (`flex-api`, `chat`, `proxy`, `taskrouter`, `studio`, `api`). */
  domain: string;
  /** Path below the domain, e.g. `/v1/FlexFlows/FO…`. */
  path: string;
  /** Path parameters by the names of the route pattern (`Sid`, `ServiceSid`…), URL-decoded. */
  pathParams: Record<string, string>;
  /** Query parameters for GET/DELETE, form parameters for POST (none for a JSON body). */
  params: Params;
  /** The parsed body of a route that takes JSON (`body: 'json'`, the Content API); undefined otherwise. */
  json?: unknown;
  /** Query parameters (also for POST), for paging links. */
  query: Params;
  headers: Record<string, string | string[] | undefined>;
  /** Absolute URL of the sandbox itself (no trailing slash), for `url`, `links` and paging URLs. */
  baseUrl: string;
}

export interface TwilioResponse {
  status: number;
  body?: unknown;
}

export type RouteHandler = (request: TwilioRequest) => TwilioResponse;

export interface Route {
  method: 'GET' | 'POST' | 'DELETE';
  /** `/<domain>/<path>` with `:Name` segments, e.g. `/flex-api/v1/FlexFlows/:Sid`. */
  pattern: string;
  handler: RouteHandler;
  /**
   * How the POST body is read: as a form (default; Twilio reads every v1/v2 and 2010 API's body as a form, whatever
   * its Content-Type) or as JSON, for the APIs whose spec takes `application/json` (Content API v1).
   */
  body?: 'form' | 'json';
}

/** The request target split in its path (as the router matches it, not decoded) and its query string. */
export function requestTarget(url = '/'): { pathname: string; search: string } {
  const query = url.indexOf('?');
  return query === -1 ? { pathname: url, search: '' } : { pathname: url.slice(0, query), search: url.slice(query + 1) };
}

/** `/<domain>/<path>` split as Twilio's hosts do: `flex-api` and `/v1/FlexFlows`. */
export function twilioPath(pathname: string): { domain: string; path: string } {
  const [domain = '', ...rest] = pathname.split('/').filter(Boolean);
  return { domain, path: `/${rest.join('/')}` };
}

export const ok = (body: unknown): TwilioResponse => ({ status: 200, body });
export const created = (body: unknown): TwilioResponse => ({ status: 201, body });
export const noContent = (): TwilioResponse => ({ status: 204 });
