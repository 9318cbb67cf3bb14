// Forwards one browser request to the API and returns the API's answer. When the API cannot answer at all, the
// proxy answers in the API's own error shape so the browser has a single format to parse.
import { randomUUID } from 'node:crypto';
import { PROXY_ERROR_CODES } from '../lib/api-error';
import type { ApiProxyConfig } from './api-proxy-config';
import { downstreamResponseHeaders, upstreamRequestHeaders } from './proxy-headers';
import { resolveUpstreamPath } from './upstream-path';

const METHODS_WITHOUT_BODY = new Set(['GET', 'HEAD']);

/**
 * The API's own body limit (BODY_LIMIT in apps/api/src/common/configure-http.ts, body-parser's `100kb`): anything
 * bigger would be refused there anyway, so the proxy refuses it before holding it in memory.
 */
export const MAX_BODY_BYTES = 100 * 1024;

/**
 * A CSV upload (a campaign's recipients, opt-outs to import) is read by the API as a stream, row by row, with no
 * body-parser limit: a list of 100,000 customers is a few MiB. The proxy passes such a body on as it arrives instead
 * of holding it, and stops it past this size (the API's own cap is MAX_CSV_ROWS rows; this is a few hundred bytes a row).
 */
export const MAX_STREAMED_UPLOAD_BYTES = 64 * 1024 * 1024;

const PAYLOAD_TOO_LARGE = { status: 413, code: 'PAYLOAD_TOO_LARGE', message: 'The request body is too large.' } as const;

class BodyTooLarge extends Error {}

function isStreamedUpload(request: Request): boolean {
  return request.method === 'POST' && request.body !== null && /^text\/csv\b/i.test(request.headers.get('content-type') ?? '');
}

/** The CSV body passed on chunk by chunk; past the limit the stream errors, which fails the upstream request. */
function streamedBody(request: Request): ReadableStream<Uint8Array> {
  if (Number(request.headers.get('content-length') ?? 0) > MAX_STREAMED_UPLOAD_BYTES) throw new BodyTooLarge();
  let size = 0;
  return (request.body as ReadableStream<Uint8Array>).pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        size += chunk.byteLength;
        if (size > MAX_STREAMED_UPLOAD_BYTES) controller.error(new BodyTooLarge());
        else controller.enqueue(chunk);
      },
    }),
  );
}

/** The request body, read up to MAX_BODY_BYTES: a declared or streamed body beyond it is refused mid-way. */
async function readBody(request: Request): Promise<ArrayBuffer | undefined> {
  if (METHODS_WITHOUT_BODY.has(request.method) || request.body === null) return undefined;
  if (Number(request.headers.get('content-length') ?? 0) > MAX_BODY_BYTES) throw new BodyTooLarge();
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = request.body.getReader();
  for (let read = await reader.read(); !read.done; read = await reader.read()) {
    size += read.value.byteLength;
    if (size > MAX_BODY_BYTES) {
      await reader.cancel();
      throw new BodyTooLarge();
    }
    chunks.push(read.value);
  }
  const body = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body.buffer;
}

function errorResponse(status: number, code: string, message: string, requestId: string): Response {
  return Response.json(
    { error: { status, code, message, requestId } },
    { status, headers: { 'cache-control': 'no-store', 'x-request-id': requestId } },
  );
}

/** AbortSignal.timeout rejects with a DOMException, which is not always an `instanceof Error`: test the name. */
function isTimeout(error: unknown): boolean {
  const name = (error as { name?: unknown } | null)?.name;
  return name === 'TimeoutError' || name === 'AbortError';
}

/** One log line: Node's fetch hides the useful part (ECONNREFUSED, ENOTFOUND) in `cause`. */
function failureReason(error: unknown): string {
  const { name, message, cause } = (error ?? {}) as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  return cause?.code ?? cause?.message ?? `${name ?? 'Error'}: ${message ?? 'unknown'}`;
}

export async function proxyToApi(request: Request, segments: readonly string[], config: ApiProxyConfig): Promise<Response> {
  const requestId = request.headers.get('x-request-id') ?? randomUUID();
  const upstreamPath = resolveUpstreamPath(segments);
  if (upstreamPath === null) {
    return errorResponse(404, PROXY_ERROR_CODES.notProxied, 'The console does not forward this path to the API.', requestId);
  }

  let body: ArrayBuffer | ReadableStream<Uint8Array> | undefined;
  try {
    body = isStreamedUpload(request) ? streamedBody(request) : await readBody(request);
  } catch (error) {
    if (error instanceof BodyTooLarge) return errorResponse(PAYLOAD_TOO_LARGE.status, PAYLOAD_TOO_LARGE.code, PAYLOAD_TOO_LARGE.message, requestId);
    throw error;
  }

  const url = `${config.apiUrl}${upstreamPath}${new URL(request.url).search}`;
  const headers = upstreamRequestHeaders(request.headers);
  headers.set('x-request-id', requestId);

  let upstream: Response;
  try {
    upstream = await fetch(url, {
      method: request.method,
      headers,
      body,
      // Node's fetch sends a stream body only as a half-duplex request (the answer is read after it has gone).
      ...(body instanceof ReadableStream ? { duplex: 'half' } : {}),
      // A redirect from the API is an answer for the browser to see, not for the proxy to follow.
      redirect: 'manual',
      cache: 'no-store',
      signal: AbortSignal.timeout(config.timeoutMs),
    });
  } catch (error) {
    if (error instanceof BodyTooLarge || (error as { cause?: unknown } | null)?.cause instanceof BodyTooLarge)
      return errorResponse(PAYLOAD_TOO_LARGE.status, PAYLOAD_TOO_LARGE.code, PAYLOAD_TOO_LARGE.message, requestId);
    // Server log only: the browser learns that the API is down, not where the console expected to find it.
    console.error(`[api-proxy] ${request.method} ${upstreamPath} → ${config.apiUrl}: ${failureReason(error)} (request ${requestId})`);
    return isTimeout(error)
      ? errorResponse(504, PROXY_ERROR_CODES.apiTimeout, `The API did not answer within ${config.timeoutMs / 1000} s.`, requestId)
      : errorResponse(502, PROXY_ERROR_CODES.apiUnreachable, 'The Flex Outbound SMS API is unreachable.', requestId);
  }

  return new Response(upstream.body, { status: upstream.status, headers: downstreamResponseHeaders(upstream.headers) });
}
