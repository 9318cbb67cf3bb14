import type { Request } from 'express';

/** The route label of a request no route matched (404s, static files): never the raw path, which anyone can vary. */
export const UNMATCHED_ROUTE = 'unmatched';

/** The pattern of the route that answered (`/api/v1/outbound/:id`), not the URL with its SIDs: a bounded set. */
export function routePatternOf(req: Request): string {
  const path: unknown = req.route?.path;
  return typeof path === 'string' ? path : UNMATCHED_ROUTE;
}
