// Test-only (src/testing is not part of the build): a real HTTP server standing in for the product's webhook
// routes, so tests see the callbacks exactly as they cross the wire.
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedCallback {
  method: string;
  /** The full URL as the receiver was asked for it (`http://127.0.0.1:<port>/path?query`). */
  url: string;
  path: string;
  headers: IncomingHttpHeaders;
  rawBody: string;
  /** The form body (POST) or the query (GET), decoded. */
  params: Record<string, string>;
}

export interface CallbackReceiver {
  /** `http://127.0.0.1:<port>`. */
  url: string;
  received: ReceivedCallback[];
  /** Callbacks to one path, in arrival order. */
  at(path: string): ReceivedCallback[];
  /** The status each request to `path` gets (default 204); a list answers request by request, its last item after. */
  answer(path: string, statuses: number | number[]): void;
  close(): Promise<void>;
}

export async function startCallbackReceiver(): Promise<CallbackReceiver> {
  const received: ReceivedCallback[] = [];
  const answers = new Map<string, number[]>();
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const rawBody = Buffer.concat(chunks).toString('utf8');
      const target = new URL(request.url ?? '/', `http://${request.headers.host}`);
      const params = Object.fromEntries(request.method === 'GET' ? target.searchParams : new URLSearchParams(rawBody));
      received.push({ method: request.method ?? 'GET', url: target.toString(), path: target.pathname, headers: request.headers, rawBody, params });
      const planned = answers.get(target.pathname) ?? [204];
      const status = planned.length > 1 ? (planned.shift() as number) : planned[0];
      response.writeHead(status).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    at: (path) => received.filter((callback) => callback.path === path),
    answer: (path, statuses) => answers.set(path, ([] as number[]).concat(statuses)),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Polls `probe` until it returns something other than undefined; fails naming `what` after `timeoutMs`. */
export async function eventually<T>(probe: () => T | undefined | Promise<T | undefined>, what: string, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
