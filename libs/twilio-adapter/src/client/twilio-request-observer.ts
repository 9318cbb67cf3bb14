import { performance } from 'node:perf_hooks';

/** What one HTTP request to Twilio came to. No URL, SID or body: metrics and logs aggregate these. */
export interface TwilioRequestObservation {
  /** The Twilio product asked: the twilio.com subdomain (`flex-api`, `chat`, `proxy`, `conversations`, `taskrouter`, `api`…). */
  product: string;
  /** `GET`, `POST`, `DELETE`… */
  method: string;
  /** Twilio's HTTP status; null when no answer came (connection refused or dropped, timeout). */
  status: number | null;
  durationMs: number;
}

/**
 * Told about every HTTP request the Twilio client sends (pages and retries included) once it is answered or has
 * failed. The API counts them (metrics, and per request in its log line).
 */
export interface TwilioRequestObserver {
  requestFinished(observation: TwilioRequestObservation): void;
}

/**
 * Sends one request through `send` and tells the observer how it went. The observer is told after the answer, so
 * it adds no time to the request; an observer that throws is ignored rather than failing a send.
 */
export async function observeTwilioRequest<T extends { statusCode: number }>(
  observer: TwilioRequestObserver | undefined,
  request: { product: string; method: string },
  send: () => Promise<T>,
): Promise<T> {
  if (!observer) return send();
  const started = performance.now();
  const finished = (status: number | null) => {
    try {
      observer.requestFinished({ product: request.product, method: request.method.toUpperCase(), status, durationMs: performance.now() - started });
    } catch {
      // Metrics must never fail a Twilio request.
    }
  };
  try {
    const response = await send();
    finished(response.statusCode);
    return response;
  } catch (error) {
    finished(null);
    throw error;
  }
}
