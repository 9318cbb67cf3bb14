import { connect } from 'node:net';
import { gzipSync } from 'node:zlib';
import { Body, Controller, Get, Module, Post } from '@nestjs/common';
import { DomainError } from '@flex-sms/domain';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Length, Matches, Max, Min, ValidateNested } from 'class-validator';
import twilio from 'twilio';
import { TestApp, createTestApp } from '../testing/test-app';

class ParticipantDto {
  @Matches(/^\+[1-9]\d{1,14}$/, { message: 'number must be a phone number in E.164 format' })
  number!: string;
}

class ProbeDto {
  @Matches(/^\+[1-9]\d{1,14}$/, { message: 'toNumber must be a phone number in E.164 format' })
  toNumber!: string;

  @IsString()
  @Length(1, 50)
  toName!: string;

  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(10)
  @Type(() => Number)
  retries?: number;

  @IsOptional()
  @ValidateNested()
  @Type(() => ParticipantDto)
  participant?: ParticipantDto;
}

class UnmappedForTest extends DomainError {
  readonly code = 'UNMAPPED_FOR_TEST';
}

/** Test-only routes that exercise the platform: pipe, filter, body parsers, prefix. */
@Controller('platform-probe')
class PlatformProbeController {
  @Post()
  accept(@Body() body: ProbeDto) {
    return { received: body, retriesType: typeof body.retries };
  }

  @Get('crash')
  crash(): never {
    throw new Error('connection to 10.1.2.3 refused; token=secret');
  }

  @Get('twilio')
  twilioFailure(): never {
    throw new twilio.RestException({ statusCode: 404, body: { code: 20404, message: 'The requested resource /Services/KSx was not found' } });
  }

  @Get('domain')
  domainFailure(): never {
    throw new UnmappedForTest('Nothing maps this code yet', { channelSid: 'CH123' });
  }
}

@Module({ controllers: [PlatformProbeController] })
class PlatformProbeModule {}

const validBody = { toNumber: '+15005550006', toName: 'Ada Lovelace' };

describe('HTTP platform', () => {
  let api: TestApp;
  beforeAll(async () => {
    api = await createTestApp({ imports: [PlatformProbeModule], logger: false });
  });
  afterAll(() => api.close());

  it('serves feature routes under /api/v1', async () => {
    const response = await api.http.post('/api/v1/platform-probe').send(validBody).expect(201);
    expect(response.body.received).toEqual(validBody);
    await api.http.post('/platform-probe').send(validBody).expect(404);
  });

  it("serves the original Functions' paths outside the prefix", async () => {
    // The real drop-in route (outbound module) answers there — with its validation, for this incomplete body —
    // and only there.
    const response = await api.http.post('/flex-initiate-outbound-sms').send(validBody).expect(400);
    expect(response.body.error.code).toBe('VALIDATION_FAILED');
    await api.http.post('/api/v1/flex-initiate-outbound-sms').send(validBody).expect(404);
  });

  it('reports every invalid field at once in the error shape (400 VALIDATION_FAILED)', async () => {
    const response = await api.http
      .post('/api/v1/platform-probe')
      .send({ toNumber: '5550006', toName: '', retries: 99, participant: { number: 'x' }, sneaky: true })
      .expect(400);
    expect(response.body).toEqual({
      error: {
        status: 400,
        code: 'VALIDATION_FAILED',
        message: 'The request has 5 invalid fields.',
        details: expect.arrayContaining([
          { field: 'toNumber', message: 'toNumber must be a phone number in E.164 format' },
          { field: 'toName', message: 'toName must be longer than or equal to 1 characters' },
          { field: 'retries', message: 'retries must not be greater than 10' },
          { field: 'participant.number', message: 'number must be a phone number in E.164 format' },
          { field: 'sneaky', message: 'property sneaky should not exist' },
        ]),
        requestId: response.headers['x-request-id'],
      },
    });
    expect(response.body.error.details).toHaveLength(5);
  });

  it('accepts form-encoded bodies, as the original Functions did, and converts types', async () => {
    const response = await api.http.post('/api/v1/platform-probe').type('form').send('toNumber=%2B15005550006&toName=Ada&retries=3').expect(201);
    expect(response.body).toEqual({ received: { toNumber: '+15005550006', toName: 'Ada', retries: 3 }, retriesType: 'number' });
  });

  it('answers malformed JSON with 400 MALFORMED_BODY in the error shape', async () => {
    const response = await api.http.post('/api/v1/platform-probe').set('Content-Type', 'application/json').send('{"toNumber": ').expect(400);
    expect(response.body.error).toEqual({
      status: 400,
      code: 'MALFORMED_BODY',
      message: expect.any(String),
      requestId: response.headers['x-request-id'],
    });
  });

  it('refuses bodies over 100kb with 413', async () => {
    const response = await api.http
      .post('/api/v1/platform-probe')
      .send({ ...validBody, toName: 'x'.repeat(110_000) })
      .expect(413);
    expect(response.body.error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  // Found by the OpenAPI fuzz (openapi-fuzz.http.spec.ts): 10,000 levels overflowed the validation pipe's stack (500).
  it('refuses a body nested more than 32 levels deep, JSON or form, with 400 MALFORMED_BODY', async () => {
    const deepJson = await api.http
      .post('/api/v1/platform-probe')
      .set('Content-Type', 'application/json')
      .send('['.repeat(10_000) + ']'.repeat(10_000))
      .expect(400);
    expect(deepJson.body.error).toMatchObject({ code: 'MALFORMED_BODY', message: 'The request body is nested more than 32 levels deep.' });
    const deepForm = await api.http
      .post('/api/v1/platform-probe')
      .type('form')
      .send(`toName${'[a]'.repeat(40)}=1`)
      .expect(400);
    expect(deepForm.body.error.code).toBe('MALFORMED_BODY');
    // 32 levels are still a body like any other.
    const nested = { toNumber: '+15005550006', toName: 'Ada', participant: { number: '+15005550006' } };
    await api.http.post('/api/v1/platform-probe').send(nested).expect(201);
  });

  // Found by the OpenAPI fuzz: body-parser's inflate error has no type, and answered 500.
  it('answers a body that does not decode from its Content-Encoding with 400, and reads one that does', async () => {
    const garbled = await api.http
      .post('/api/v1/platform-probe')
      .set('Content-Type', 'application/json')
      .set('Content-Encoding', 'gzip')
      .send(JSON.stringify(validBody))
      .expect(400);
    expect(garbled.body.error).toEqual({
      status: 400,
      code: 'BAD_REQUEST',
      message: 'The request body could not be read.',
      requestId: garbled.headers['x-request-id'],
    });
    const gzipped = await api.http
      .post('/api/v1/platform-probe')
      .set('Content-Type', 'application/json')
      .set('Content-Encoding', 'gzip')
      .serialize((bytes: Buffer) => bytes as unknown as string) // the bytes as they are: superagent would write a Buffer as JSON
      .send(gzipSync(JSON.stringify(validBody)))
      .expect(201);
    expect(gzipped.body.received).toEqual(validBody);
  });

  // Found by the OpenAPI fuzz: a query over 16 kB got Node's bare "431" status line, no body, no request id.
  it('answers requests Node refuses before any middleware (over 16 kB of URL and headers, not HTTP) in the error shape', async () => {
    // On a kept-alive connection that has already answered a request, as a client's pool would send it.
    const answers = await exchange(
      api.url,
      'GET /health HTTP/1.1\r\nHost: localhost\r\n\r\n',
      `GET /api/v1/outbound?caller=${'x'.repeat(20_000)} HTTP/1.1\r\nHost: localhost\r\n\r\n`,
    );
    expect(answers).toMatch(/^HTTP\/1.1 200 OK\r\n/);
    const tooLarge = parseAnswer(answers.slice(answers.lastIndexOf('HTTP/1.1 ')));
    expect(tooLarge.statusLine).toBe('HTTP/1.1 431 Request Header Fields Too Large');
    expect(tooLarge.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(tooLarge.body.error).toEqual({
      status: 431,
      code: 'REQUEST_HEADER_FIELDS_TOO_LARGE',
      message: expect.any(String),
      requestId: tooLarge.headers['x-request-id'],
    });
    const notHttp = parseAnswer(await exchange(api.url, 'GET /health HTTP/1.1\r\nHost: localhost\r\nNo colon here\r\n\r\n'));
    expect(notHttp.statusLine).toBe('HTTP/1.1 400 Bad Request');
    expect(notHttp.body.error).toMatchObject({ status: 400, code: 'BAD_REQUEST' });
  });

  it('hides unexpected errors: 500, generic message, no stack', async () => {
    const response = await api.http.get('/api/v1/platform-probe/crash').expect(500);
    expect(response.body.error).toEqual({
      status: 500,
      code: 'INTERNAL_ERROR',
      message: expect.stringContaining('requestId'),
      requestId: expect.any(String),
    });
    expect(JSON.stringify(response.body)).not.toMatch(/10\.1\.2\.3|secret|at /);
  });

  it('never forwards a raw Twilio exception', async () => {
    const response = await api.http.get('/api/v1/platform-probe/twilio').expect(502);
    expect(response.body.error).toMatchObject({ code: 'TWILIO_ERROR', twilioCode: 20404 });
    expect(response.body.error.message).not.toContain('/Services/KSx');
  });

  it('answers a domain error missing from the status table with 500, keeping its code and context', async () => {
    const response = await api.http.get('/api/v1/platform-probe/domain').expect(500);
    expect(response.body.error).toMatchObject({ code: 'UNMAPPED_FOR_TEST', message: 'Nothing maps this code yet', context: { channelSid: 'CH123' } });
  });

  it('answers unknown routes with 404 in the error shape', async () => {
    const response = await api.http.get('/api/v1/nowhere').expect(404);
    expect(response.body.error).toMatchObject({ status: 404, code: 'NOT_FOUND' });
  });

  it('puts a request id on every response, keeping a plausible caller id', async () => {
    const generated = await api.anonymous.get('/health').expect(200);
    expect(generated.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const kept = await api.anonymous.get('/health').set('X-Request-Id', 'gateway-42').expect(200);
    expect(kept.headers['x-request-id']).toBe('gateway-42');
    const replaced = await api.anonymous.get('/health').set('X-Request-Id', 'bad id <script>').expect(200);
    expect(replaced.headers['x-request-id']).not.toBe('bad id <script>');
  });

  it('allows the admin console origin (CORS) and exposes the request id header', async () => {
    const response = await api.anonymous
      .options('/api/v1/platform-probe')
      .set('Origin', 'http://localhost:4200')
      .set('Access-Control-Request-Method', 'POST')
      .expect(204);
    expect(response.headers['access-control-allow-origin']).toBe('http://localhost:4200');
    const other = await api.anonymous
      .options('/api/v1/platform-probe')
      .set('Origin', 'http://evil.test')
      .set('Access-Control-Request-Method', 'POST');
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
  });
});

/** Writes each request on one new connection once the previous one is answered; reads until the server closes it. */
function exchange(url: string, ...requests: string[]): Promise<string> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const pending = [...requests];
    const socket = connect(Number(port), hostname, () => socket.write(pending.shift()!));
    socket.on('data', (chunk) => {
      chunks.push(chunk);
      if (pending.length > 0) socket.write(pending.shift()!);
    });
    socket.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    socket.on('error', reject);
  });
}

function parseAnswer(answer: string): { statusLine: string; headers: Record<string, string>; body: { error: Record<string, unknown> } } {
  const [head, body] = answer.split('\r\n\r\n');
  const [statusLine, ...lines] = head.split('\r\n');
  const headers = Object.fromEntries(lines.map((line) => [line.slice(0, line.indexOf(':')).toLowerCase(), line.slice(line.indexOf(':') + 1).trim()]));
  return { statusLine, headers, body: JSON.parse(body) };
}
