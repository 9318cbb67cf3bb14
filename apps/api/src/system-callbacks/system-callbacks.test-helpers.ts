import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Short waits between attempts, so a retried callback takes milliseconds; the same rules as production. */
export const FAST_CALLBACKS = {
  SYSTEM_CALLBACK_RETRY_BASE_MS: '10',
  SYSTEM_CALLBACK_POLL_MS: '20',
  SYSTEM_CALLBACK_TIMEOUT_MS: '2000',
  SYSTEM_CALLBACK_MAX_ATTEMPTS: '4',
};

/** One POST as a calling system's receiver got it. */
export interface ReceivedCallback {
  path: string;
  headers: IncomingHttpHeaders;
  /** The bytes as they came, which the signature covers. */
  rawBody: string;
  body: Record<string, unknown>;
}

/**
 * A calling system's callback receiver: a real HTTP server on 127.0.0.1. Each path answers with the statuses planned
 * for it, one per request (the last one from then on; 200 by default).
 */
export interface CallbackReceiver {
  url: string;
  received: ReceivedCallback[];
  at(path: string): ReceivedCallback[];
  answer(path: string, statuses: number[]): void;
  close(): Promise<void>;
}

export async function startCallbackReceiver(): Promise<CallbackReceiver> {
  const received: ReceivedCallback[] = [];
  const plans = new Map<string, number[]>();
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const rawBody = Buffer.concat(chunks).toString('utf8');
      const path = new URL(request.url ?? '/', 'http://receiver').pathname;
      received.push({ path, headers: request.headers, rawBody, body: JSON.parse(rawBody) as Record<string, unknown> });
      const plan = plans.get(path) ?? [200];
      response.writeHead(plan.length > 1 ? (plan.shift() as number) : plan[0]).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    at: (path) => received.filter((callback) => callback.path === path),
    answer: (path, statuses) => plans.set(path, [...statuses]),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * What a receiver does with `X-Flex-Sms-Signature`, written independently of the sender's code: HMAC-SHA256 of the
 * raw body under the secret, hex, compared in constant time.
 */
export function isSignedWith(callback: ReceivedCallback, secret: string): boolean {
  const header = callback.headers['x-flex-sms-signature'];
  if (typeof header !== 'string' || !header.startsWith('sha256=')) return false;
  const expected = Buffer.from(createHmac('sha256', secret).update(Buffer.from(callback.rawBody, 'utf8')).digest('hex'));
  const presented = Buffer.from(header.slice('sha256='.length));
  return presented.length === expected.length && timingSafeEqual(presented, expected);
}
