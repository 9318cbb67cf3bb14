/**
 * A request Twilio makes to a URL the account registered (status callback, webhook). `params` go as a form body
 * (POST) or in the query string (GET); `json` as a JSON body instead, signed through `bodySHA256`.
 */
export interface TwilioCallback {
  /** What it reports, for the callback log: `api:MessageStatus`, `conversations:onDeliveryUpdated`, … */
  event: string;
  /** As registered, connection overrides (`#rc=…`) included. */
  url: string;
  method: 'GET' | 'POST';
  params?: Record<string, string>;
  json?: unknown;
  /** A product's own read timeout when it is shorter than Twilio's default (Conversations: 5 s). */
  readTimeoutMs?: number;
  /**
   * Callbacks with the same key go out one after another (the next once the previous one is settled, retries
   * included), so a receiver sees one resource's statuses in the order they happened (`queued` before `sent`).
   */
  orderKey?: string;
}

/** Form values as Twilio writes them: absent stays absent, numbers and booleans as text. */
export function formParams(values: Record<string, string | number | boolean | null | undefined>): Record<string, string> {
  const params: Record<string, string> = {};
  for (const [name, value] of Object.entries(values)) if (value !== null && value !== undefined) params[name] = String(value);
  return params;
}
