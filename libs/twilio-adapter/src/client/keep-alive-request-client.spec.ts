import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mapTwilioError } from '../errors/twilio-error.mapper';
import { KeepAliveRequestClient, formEncoded } from './keep-alive-request-client';

interface Seen {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
  socket: number;
}

/** A real HTTP server that records what it was sent; `respond` decides the answer. */
async function recordingServer(respond: (request: IncomingMessage, response: ServerResponse) => void) {
  const seen: Seen[] = [];
  const sockets = new Map<unknown, number>();
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      if (!sockets.has(request.socket)) sockets.set(request.socket, sockets.size + 1);
      seen.push({
        method: request.method!,
        url: request.url!,
        headers: request.headers,
        body: Buffer.concat(chunks).toString(),
        socket: sockets.get(request.socket)!,
      });
      respond(request, response);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, seen, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

const json =
  (status: number, body: unknown, headers: Record<string, string> = {}) =>
  (_: IncomingMessage, response: ServerResponse) => {
    response.writeHead(status, { 'Content-Type': 'application/json', ...headers });
    response.end(JSON.stringify(body));
  };

describe('KeepAliveRequestClient', () => {
  it("sends the SDK's request as axios did: method, Basic auth, form body with repeated names, query parameters", async () => {
    const server = await recordingServer(json(201, { sid: 'CH1' }));
    try {
      const client = new KeepAliveRequestClient({ timeout: 5_000 });
      const response = await client.request({
        method: 'post',
        uri: `${server.url}/v2/Services/IS1/Channels`,
        username: 'AC1',
        password: 'secret',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json', 'User-Agent': 'twilio-node/test' },
        params: { PageSize: 50 },
        data: { FriendlyName: 'SMS +1 415 555', Attributes: '{"a":1}', Bindings: ['one', 'two'], Skipped: undefined },
      });

      expect(response.statusCode).toBe(201);
      expect(JSON.parse(response.body as string)).toEqual({ sid: 'CH1' });
      const [seen] = server.seen;
      expect(seen).toMatchObject({ method: 'POST', url: '/v2/Services/IS1/Channels?PageSize=50' });
      expect(seen.headers.authorization).toBe(`Basic ${Buffer.from('AC1:secret').toString('base64')}`);
      expect(seen.headers['user-agent']).toBe('twilio-node/test');
      expect(new URLSearchParams(seen.body).getAll('Bindings')).toEqual(['one', 'two']);
      expect(Object.fromEntries(new URLSearchParams(seen.body))).toEqual({ FriendlyName: 'SMS +1 415 555', Attributes: '{"a":1}', Bindings: 'two' });
    } finally {
      await server.close();
    }
  });

  it('keeps the connection alive across requests', async () => {
    const server = await recordingServer(json(200, {}));
    try {
      const client = new KeepAliveRequestClient({ timeout: 5_000 });
      for (let i = 0; i < 6; i++) await client.request({ method: 'get', uri: `${server.url}/v1/FlexFlows`, username: 'AC1', password: 'secret' });
      expect(server.seen).toHaveLength(6);
      expect(new Set(server.seen.map((seen) => seen.socket)).size).toBeLessThanOrEqual(2);
    } finally {
      await server.close();
    }
  });

  it("answers an error status with its body and headers (the SDK's RestException and Retry-After read them)", async () => {
    const server = await recordingServer(json(429, { code: 20429, message: 'Too Many Requests' }, { 'Retry-After': '2' }));
    try {
      const response = await new KeepAliveRequestClient().request({
        method: 'delete',
        uri: `${server.url}/v1/Sessions/KC1`,
        username: 'AC1',
        password: 'secret',
      });
      expect(response.statusCode).toBe(429);
      expect(response.headers['retry-after']).toBe('2');
      expect(JSON.parse(response.body as string)).toMatchObject({ code: 20429 });
    } finally {
      await server.close();
    }
  });

  it('fails a request the server never answers within the timeout as ETIMEDOUT, a connection failure to the domain', async () => {
    const server = await recordingServer(() => undefined);
    try {
      const failure = await new KeepAliveRequestClient({ timeout: 200 })
        .request({ method: 'get', uri: `${server.url}/v1/Sessions`, username: 'AC1', password: 'secret' })
        .catch((error: unknown) => error);
      expect(failure).toMatchObject({ code: 'ETIMEDOUT' });
      expect(mapTwilioError(failure, { resource: 'Proxy session' })).toMatchObject({ code: 'TWILIO_TRANSIENT_FAILURE', kind: 'connection' });
    } finally {
      await server.close();
    }
  });

  it('fails a request whose connection is cut as ECONNRESET, a connection failure to the domain', async () => {
    const server = await recordingServer((request) => request.socket.destroy());
    try {
      const failure = await new KeepAliveRequestClient()
        .request({ method: 'post', uri: `${server.url}/v1/Sessions`, username: 'AC1', password: 'secret' })
        .catch((error: unknown) => error);
      expect(failure).toMatchObject({ code: 'ECONNRESET' });
      expect(mapTwilioError(failure, { resource: 'Proxy session' })).toMatchObject({ code: 'TWILIO_TRANSIENT_FAILURE', kind: 'connection' });
    } finally {
      await server.close();
    }
  });
});

describe('formEncoded', () => {
  it('repeats the names of arrays, leaves undefined out, writes null as empty and encodes like a form', () => {
    expect(formEncoded({ a: ['x', 'y'], b: undefined, c: null, d: 'é & +', e: true, f: 3 })).toBe('a=x&a=y&c=&d=%C3%A9%20%26%20%2B&e=true&f=3');
  });
});
