import type { TwilioRequest } from './route';

/** Absolute URL of a Twilio resource as served by this sandbox (`<sandbox>/<domain><path>`). */
export function resourceUrl(request: Pick<TwilioRequest, 'baseUrl'>, domain: string, path: string): string {
  return `${request.baseUrl}/${domain}${path}`;
}

/** Builds `links` as Twilio does: each name → URL of the sub-resource list under `base`. */
export function links(base: string, entries: Record<string, string>): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [name, path] of Object.entries(entries)) result[name] = `${base}/${path}`;
  return result;
}
