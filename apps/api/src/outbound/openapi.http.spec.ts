import { OutboundTestApp, createOutboundTestApp } from './outbound.test-helpers';

type Operation = {
  requestBody?: { content: Record<string, { schema: { $ref?: string } }> };
  responses: Record<string, { content?: Record<string, { schema?: unknown; examples?: Record<string, { value: { error: { code: string } } }> }> }>;
  parameters?: { name: string; in: string }[];
};

const ROUTES: [string, string][] = [
  ['post', '/api/v1/outbound/task'],
  ['post', '/api/v1/outbound/message'],
  ['get', '/api/v1/outbound'],
  ['get', '/api/v1/outbound/{id}'],
  ['post', '/flex-initiate-outbound-sms-task'],
  ['post', '/flex-initiate-outbound-sms'],
  ['get', '/api/v1/flex-flows'],
  ['get', '/api/v1/flex-flows/{sid}'],
  ['get', '/api/v1/channels/{sid}'],
  ['get', '/api/v1/proxy/sessions'],
  ['get', '/api/v1/proxy/sessions/{sid}'],
  ['get', '/api/v1/proxy/sessions/{sid}/participants'],
  ['post', '/api/v1/proxy/sessions/{sid}/close'],
  ['delete', '/api/v1/proxy/sessions/{sid}'],
];

describe('OpenAPI document of the outbound, Flex Flow, channel and Proxy routes', () => {
  let api: OutboundTestApp;
  let paths: Record<string, Record<string, Operation>>;

  beforeAll(async () => {
    api = await createOutboundTestApp();
    paths = (await api.anonymous.get('/docs-json').expect(200)).body.paths;
  });
  afterAll(() => api.close());

  it.each(ROUTES)('documents %s %s with a success response and error examples in the one error shape', (method, path) => {
    const operation = paths[path]?.[method];
    expect(operation).toBeDefined();
    const statuses = Object.keys(operation.responses);
    expect(statuses.some((status) => status.startsWith('2'))).toBe(true);
    const documentedErrors = statuses.filter((status) => /^[45]\d\d$/.test(status) && !['401', '500'].includes(status));
    expect(documentedErrors.length).toBeGreaterThan(0);
    for (const status of documentedErrors) {
      const content = operation.responses[status].content?.['application/json'];
      // The same schema the platform documents for 401 on every route: the one error shape.
      expect(content?.schema).toEqual(operation.responses['401'].content!['application/json'].schema);
      expect(Object.values(content?.examples ?? {}).length).toBeGreaterThan(0);
    }
  });

  it('documents the request bodies, the Idempotency-Key header and the form-encoded drop-in bodies', () => {
    const task = paths['/api/v1/outbound/task'].post;
    expect(task.requestBody?.content['application/json'].schema.$ref).toBe('#/components/schemas/InitiateAgentSmsRequestDto');
    expect(task.parameters).toContainEqual(expect.objectContaining({ name: 'Idempotency-Key', in: 'header' }));
    expect(Object.keys(task.responses['409'].content!['application/json'].examples!)).toEqual(['PARTICIPANT_CONFLICT', 'IDEMPOTENCY_KEY_IN_USE']);
    expect(Object.keys(paths['/flex-initiate-outbound-sms-task'].post.requestBody!.content)).toEqual([
      'application/json',
      'application/x-www-form-urlencoded',
    ]);
  });
});
