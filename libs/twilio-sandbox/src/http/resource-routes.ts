import type { SandboxState, StateRef } from '../core/state';
import { listPage, type ListOptions, type Positions } from './paging';
import { created, noContent, ok, type Route, type TwilioRequest } from './route';
import { serializeContext, type SerializeContext } from './serialize-context';

/** A handler's view of one request: the request, the account's state, and what serializers need. */
export type ResourceHandler<R> = (request: TwilioRequest, state: SandboxState, ctx: SerializeContext) => R;

/** What a list answers: its items in order, and how each is written (the rest as ListOptions says). */
export interface ResourceList<T extends { sid: string }> extends Omit<ListOptions<T>, 'serialize' | 'positions'> {
  /** Where the items come from: each SID's position for PageTokens, and every item when `items` is not given. */
  collection: Positions & { values?(): T[] };
  items?: T[];
  serialize: (item: NoInfer<T>, ctx: SerializeContext) => unknown;
}

type ListPage = <T extends { sid: string }>(request: TwilioRequest, ordered: T[], options: ListOptions<T>) => unknown;

export interface ResourceRoutesOptions {
  /** Brings the state up to date before each handler (Conversations' timers). */
  prepare?: (state: SandboxState) => void;
  /** The list envelope: v1/v2's `meta` (default), or API 2010's `legacyListPage`. */
  page?: ListPage;
}

/**
 * One product's routes, named after Twilio's operations (`ListX`, `FetchX`, `CreateX`, `UpdateX`, `DeleteX`), each
 * answering with Twilio's status for it: 200 with a page, 200, 201, 200, 204. A handler returns the serialized
 * resource (a list: its items and their serializer) and throws a TwilioError for anything else. A route that
 * answers otherwise is written as a plain `Route`.
 */
export function resourceRoutes(ref: StateRef, options: ResourceRoutesOptions = {}) {
  const page = options.page ?? listPage;
  const run = <R>(handler: ResourceHandler<R>, request: TwilioRequest): { result: R; ctx: SerializeContext } => {
    const state = ref.current;
    options.prepare?.(state);
    const ctx = serializeContext(state, request);
    return { result: handler(request, state, ctx), ctx };
  };
  const answering = (method: Route['method'], status: (body: unknown) => ReturnType<Route['handler']>) => {
    return (pattern: string, handler: ResourceHandler<unknown>, reading: Pick<Route, 'body'> = {}): Route => ({
      method,
      pattern,
      handler: (request) => status(run(handler, request).result),
      ...reading,
    });
  };
  return {
    list: <T extends { sid: string }>(pattern: string, handler: ResourceHandler<ResourceList<T>>): Route => ({
      method: 'GET',
      pattern,
      handler: (request) => {
        const { result, ctx } = run(handler, request);
        const { collection, items = collection.values?.() ?? [], serialize, ...list } = result;
        return ok(page(request, items, { ...list, positions: collection, serialize: (item) => serialize(item, ctx) }));
      },
    }),
    fetch: answering('GET', ok),
    create: answering('POST', created),
    update: answering('POST', ok),
    delete: answering('DELETE', noContent),
  };
}
