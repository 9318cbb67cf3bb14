import { randomBytes } from 'node:crypto';
import type { ServerResponse } from 'node:http';

/** Writes a JSON answer as Twilio does (`application/json`, a `Twilio-Request-Id`); 204 has no body. */
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
