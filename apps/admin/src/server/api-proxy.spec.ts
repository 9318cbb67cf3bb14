import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { MAX_BODY_BYTES, MAX_STREAMED_UPLOAD_BYTES, proxyToApi } from './api-proxy';

interface Seen {
  method: string | undefined;
  url: string | undefined;
  headers: IncomingMessage['headers'];
  body: string;
}

let api: Server;
let apiUrl: string;
const seen: Seen[] = [];

beforeAll(async () => {
  // A stand-in API on loopback: it records what the proxy sent and answers by path.
  api = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      seen.push({ method: req.method, url: req.url, headers: req.headers, body });
      if (req.url?.startsWith('/slow')) return; // never answers
      if (req.url?.startsWith('/api/v1/missing')) {
        res.writeHead(404, { 'content-type': 'application/json', 'x-request-id': String(req.headers['x-request-id']) });
        res.end(JSON.stringify({ error: { status: 404, code: 'NOT_FOUND', message: 'nope', requestId: req.headers['x-request-id'] } }));
        return;
      }
      res.writeHead(201, {
        'content-type': 'application/json',
        'set-cookie': ['leak=1', 'flex_sms_session=new-token; Path=/; HttpOnly; SameSite=Strict'],
      });
      res.end(JSON.stringify({ ok: true }));
    });
  });
  await new Promise<void>((resolve) => api.listen(0, '127.0.0.1', resolve));
  apiUrl = `http://127.0.0.1:${(api.address() as AddressInfo).port}`;
});

afterAll(async () => {
  api.closeAllConnections();
  await new Promise((resolve) => api.close(resolve));
});

const config = () => ({ apiUrl, timeoutMs: 2_000 });

describe('proxyToApi', () => {
  it("forwards method, path, query, body, the browser's origin and its session cookie, and no key of its own", async () => {
    const request = new Request('http://console.test/api/v1/outbound?dryRun=true', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: 'Bearer browser',
        origin: 'http://console.test',
        cookie: 'theme=dark; flex_sms_session=tok',
      },
      body: '{"toNumber":"+15005550006"}',
    });

    const response = await proxyToApi(request, ['v1', 'outbound'], config());

    expect(response.status).toBe(201);
    expect(await response.json()).toEqual({ ok: true });
    expect(response.headers.getSetCookie()).toEqual(['flex_sms_session=new-token; Path=/; HttpOnly; SameSite=Strict']);
    const last = seen.at(-1)!;
    expect(last).toMatchObject({ method: 'POST', url: '/api/v1/outbound?dryRun=true', body: '{"toNumber":"+15005550006"}' });
    expect(last.headers.authorization).toBeUndefined();
    expect(last.headers.cookie).toBe('flex_sms_session=tok');
    expect(last.headers.origin).toBe('http://console.test');
    expect(last.headers['x-request-id']).toEqual(expect.any(String));
  });

  it("passes the API's error answers through untouched", async () => {
    const response = await proxyToApi(
      new Request('http://console.test/api/v1/missing', { headers: { 'x-request-id': 'r-42' } }),
      ['v1', 'missing'],
      config(),
    );

    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: { status: 404, code: 'NOT_FOUND', message: 'nope', requestId: 'r-42' } });
  });

  it('answers 404 in the error shape for paths it does not forward, without calling the API', async () => {
    const before = seen.length;
    const response = await proxyToApi(new Request('http://console.test/api/docs'), ['docs'], config());

    expect(response.status).toBe(404);
    expect((await response.json()).error.code).toBe('NOT_FOUND');
    expect(seen.length).toBe(before);
  });

  describe(`refuses bodies over the API's limit (${MAX_BODY_BYTES} bytes) with 413 PAYLOAD_TOO_LARGE, without reading them whole or calling the API`, () => {
    const post = (body: BodyInit, headers: Record<string, string> = {}) =>
      new Request('http://console.test/api/v1/outbound/message', {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body,
        duplex: 'half',
      } as RequestInit);

    /** A body streamed in 16 KiB chunks, `total` bytes in all, counting how many chunks were pulled. */
    function streamed(total: number) {
      const pulled = { chunks: 0 };
      let left = total;
      const stream = new ReadableStream<Uint8Array>({
        pull(controller) {
          if (left <= 0) return controller.close();
          const size = Math.min(left, 16 * 1024);
          left -= size;
          pulled.chunks++;
          controller.enqueue(new Uint8Array(size).fill(0x61));
        },
      });
      return { stream, pulled };
    }

    it('by its Content-Length', async () => {
      const before = seen.length;
      const response = await proxyToApi(post('{}', { 'content-length': String(MAX_BODY_BYTES + 1) }), ['v1', 'outbound', 'message'], config());
      expect(response.status).toBe(413);
      expect((await response.json()).error).toMatchObject({ status: 413, code: 'PAYLOAD_TOO_LARGE', requestId: expect.any(String) });
      expect(seen.length).toBe(before);
    });

    it('by what it streams, when it declares no length (stopping at the limit)', async () => {
      const before = seen.length;
      const { stream, pulled } = streamed(10 * MAX_BODY_BYTES);
      const response = await proxyToApi(post(stream), ['v1', 'outbound', 'message'], config());
      expect(response.status).toBe(413);
      expect(pulled.chunks).toBeLessThanOrEqual(MAX_BODY_BYTES / (16 * 1024) + 2);
      expect(seen.length).toBe(before);
    });

    it('and forwards a body of exactly the limit', async () => {
      const { stream } = streamed(MAX_BODY_BYTES);
      const response = await proxyToApi(post(stream), ['v1', 'outbound', 'message'], config());
      expect(response.status).toBe(201);
      expect(seen.at(-1)!.body).toHaveLength(MAX_BODY_BYTES);
    });
  });

  describe('passes a CSV upload (campaign recipients, opt-outs) on as a stream, beyond the JSON limit', () => {
    const csv = (body: BodyInit, headers: Record<string, string> = {}) =>
      new Request('http://console.test/api/v1/campaigns?dryRun=true', {
        method: 'POST',
        headers: { 'content-type': 'text/csv', ...headers },
        body,
        duplex: 'half',
      } as RequestInit);

    it('forwards a list ten times the JSON limit whole', async () => {
      const rows = ['number,name', ...Array.from({ length: 40_000 }, (_, index) => `+1415555${String(index).padStart(4, '0')},Customer ${index}`)];
      const text = `${rows.join('\n')}\n`;
      expect(text.length).toBeGreaterThan(10 * MAX_BODY_BYTES);
      const response = await proxyToApi(csv(text), ['v1', 'campaigns'], config());
      expect(response.status).toBe(201);
      expect(seen.at(-1)!.body).toBe(text);
    });

    it(`refuses one declaring more than ${MAX_STREAMED_UPLOAD_BYTES} bytes with 413, without calling the API`, async () => {
      const before = seen.length;
      const response = await proxyToApi(csv('number\n', { 'content-length': String(MAX_STREAMED_UPLOAD_BYTES + 1) }), ['v1', 'campaigns'], config());
      expect(response.status).toBe(413);
      expect((await response.json()).error.code).toBe('PAYLOAD_TOO_LARGE');
      expect(seen.length).toBe(before);
    });
  });

  it('answers 502 API_UNREACHABLE when nothing listens at API_URL', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const closedUrl = `http://127.0.0.1:${(closed.address() as AddressInfo).port}`;
    await new Promise((resolve) => closed.close(resolve));
    const logged = jest.spyOn(console, 'error').mockImplementation(() => undefined);

    const response = await proxyToApi(new Request('http://console.test/api/health/ready'), ['health', 'ready'], { ...config(), apiUrl: closedUrl });

    expect(response.status).toBe(502);
    const { error } = await response.json();
    expect(error).toMatchObject({ status: 502, code: 'API_UNREACHABLE' });
    expect(error.message).not.toContain(closedUrl);
    expect(response.headers.get('x-request-id')).toBe(error.requestId);
    expect(logged).toHaveBeenCalled();
    logged.mockRestore();
  });

  it('answers 504 API_TIMEOUT when the API does not answer in time', async () => {
    const logged = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const response = await proxyToApi(new Request('http://console.test/api/health/slow'), ['health', 'slow'], {
      ...config(),
      apiUrl: `${apiUrl}/slow`,
      timeoutMs: 200,
    });

    expect(response.status).toBe(504);
    expect((await response.json()).error.code).toBe('API_TIMEOUT');
    logged.mockRestore();
  });
});
