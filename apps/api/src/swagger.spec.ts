import { Controller, Get, Module } from '@nestjs/common';
import { TestApp, createTestApp } from './testing/test-app';

@Controller('docs-probe')
class DocsProbeController {
  @Get()
  secured() {
    return {};
  }
}

@Module({ controllers: [DocsProbeController] })
class DocsProbeModule {}

describe('Swagger', () => {
  let api: TestApp;
  beforeAll(async () => {
    api = await createTestApp({ imports: [DocsProbeModule], logger: false });
  });
  afterAll(() => api.close());

  it('serves the OpenAPI document at /docs-json without a key, with the bearer scheme and the error shape', async () => {
    const { body: document } = await api.anonymous.get('/docs-json').expect(200);
    expect(document.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(document.components.schemas.ErrorResponse.properties.error).toEqual({ $ref: '#/components/schemas/ApiError' });
    expect(document.components.schemas.ApiError.required).toEqual(expect.arrayContaining(['status', 'code', 'message', 'requestId']));
  });

  it('documents the health probes as public, with the one error shape for failures', async () => {
    const { body: document } = await api.anonymous.get('/docs-json').expect(200);
    const ready = document.paths['/health/ready'].get;
    expect(ready.security).toEqual([]);
    expect(ready.responses['503'].content['application/json'].schema).toEqual({ $ref: '#/components/schemas/ErrorResponse' });
    expect(ready.responses['401']).toBeUndefined();
  });

  it('documents every other operation as needing an API key or a session, answering 401 and 403 in the error shape', async () => {
    const { body: document } = await api.anonymous.get('/docs-json').expect(200);
    expect(document.components.securitySchemes.session).toMatchObject({ type: 'apiKey', in: 'cookie', name: '__Host-flex_sms_session' });
    const operation = document.paths['/api/v1/docs-probe'].get;
    expect(operation.security).toEqual([{ bearer: [] }, { session: [] }]);
    expect(operation.responses['401'].content['application/json'].schema).toEqual({ $ref: '#/components/schemas/ErrorResponse' });
    expect(operation.responses['403'].description).toBe('FORBIDDEN: needs the admin role');
    expect(operation.description).toMatch(/^\*\*Role: admin\.\*\*/);
  });

  it('documents 503 DATABASE_UNAVAILABLE on every authenticated operation, beside a 503 the route documents itself', async () => {
    const { body: document } = await api.anonymous.get('/docs-json').expect(200);
    expect(document.paths['/api/v1/docs-probe'].get.responses['503']).toMatchObject({
      description: expect.stringMatching(/^DATABASE_UNAVAILABLE/),
      content: { 'application/json': { examples: { DATABASE_UNAVAILABLE: { value: { error: { status: 503, code: 'DATABASE_UNAVAILABLE' } } } } } },
    });
    expect(document.paths['/api/v1/outbound/message'].post.responses['503'].description).toMatch(/TWILIO_UNAVAILABLE.*; or DATABASE_UNAVAILABLE/);
  });

  // Found by the OpenAPI fuzz, which builds requests from the document: GET /cleanup/jobs/{id} named no {id}.
  it('documents every path parameter of every operation', async () => {
    const { body: document } = await api.anonymous.get('/docs-json').expect(200);
    const missing = Object.entries(document.paths as Record<string, Record<string, { parameters?: { in: string; name: string }[] }>>).flatMap(
      ([path, item]) =>
        Object.entries(item).flatMap(([method, operation]) =>
          [...path.matchAll(/\{(\w+)\}/g)]
            .map(([, name]) => name)
            .filter((name) => !operation.parameters?.some((parameter) => parameter.in === 'path' && parameter.name === name))
            .map((name) => `${method.toUpperCase()} ${path}: ${name}`),
        ),
    );
    expect(missing).toEqual([]);
  });

  // Found by the OpenAPI fuzz: @Headers('idempotency-key') added a required header beside @Idempotent()'s optional one.
  it('documents each header parameter once, Idempotency-Key as optional', async () => {
    const { body: document } = await api.anonymous.get('/docs-json').expect(200);
    for (const [path, item] of Object.entries(
      document.paths as Record<string, Record<string, { parameters?: { in: string; name: string; required?: boolean }[] }>>,
    )) {
      for (const [method, operation] of Object.entries(item)) {
        const headers = (operation.parameters ?? []).filter((parameter) => parameter.in === 'header');
        const names = headers.map((header) => header.name.toLowerCase());
        expect({ operation: `${method} ${path}`, duplicates: names.filter((name, index) => names.indexOf(name) !== index) }).toEqual({
          operation: `${method} ${path}`,
          duplicates: [],
        });
        expect(headers.filter((header) => header.name.toLowerCase() === 'idempotency-key' && header.required)).toEqual([]);
      }
    }
  });

  // Found by the OpenAPI fuzz: operations with only error examples documented no success answer at all.
  it('documents a success status for every operation', async () => {
    const { body: document } = await api.anonymous.get('/docs-json').expect(200);
    const withoutSuccess = Object.entries(document.paths as Record<string, Record<string, { responses: Record<string, unknown> }>>).flatMap(
      ([path, item]) =>
        Object.entries(item)
          .filter(([, operation]) => !Object.keys(operation.responses).some((status) => /^2\d\d$/.test(status)))
          .map(([method]) => `${method.toUpperCase()} ${path}`),
    );
    expect(withoutSuccess).toEqual([]);
  });

  it("states an operator route's role", async () => {
    const { body: document } = await api.anonymous.get('/docs-json').expect(200);
    expect(document.paths['/api/v1/auth/me'].get.description).toMatch(/^\*\*Role: operator\.\*\*/);
    expect(document.paths['/api/v1/auth/login'].post.security).toEqual([]);
  });

  it('serves the Swagger UI at /docs', async () => {
    const response = await api.anonymous.get('/docs').redirects(1).expect(200);
    expect(response.text).toContain('swagger-ui');
  });

  it("does not keep a real account's key in the browser's storage across reloads (persistAuthorization off)", async () => {
    const init = await api.anonymous.get('/docs/swagger-ui-init.js').expect(200);
    expect(init.text).toContain('"persistAuthorization": false');
  });
});
