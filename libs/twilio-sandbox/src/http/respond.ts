import { randomBytes } from 'node:crypto';
import type { ServerResponse } from 'node:http';

/**
 * Writes a JSON answer as Twilio does (`application/json`, a `Twilio-Request-Id`); 204 has no body. Written
 * directly rather than through express's `res.json`, whose extra work (a Buffer copy, header look-ups, a second
 * write call) costs each of the bench's thousands of requests a second.
 */
export function sendJson(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  if (response.headersSent || response.destroyed) return;
  const payload = status === 204 || body === undefined ? '' : JSON.stringify(body);
  response.writeHead(status, {
    ...(payload ? { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(payload) } : {}),
    'Twilio-Request-Id': `RQ${randomBytes(16).toString('hex')}`,
    ...headers,
  });
  response.end(payload);
}
