import type { TwilioRequest } from './route';
import { notFound } from './twilio-error';

/** The resource, or Twilio's 20404 naming the requested path. */
export function found<T>(resource: T | undefined | null, request: Pick<TwilioRequest, 'path'>): T {
  if (resource === undefined || resource === null) throw notFound(request.path);
  return resource;
}
