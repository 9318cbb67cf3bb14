import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { OpenAPIObject } from '@nestjs/swagger';
import { DEMO_NUMBERS } from '@flex-sms/twilio-sandbox';
import request from 'supertest';
import { ANY_TIME } from './campaigns/campaigns.test-helpers';
import { waitForJob, withCleanupOptions } from './cleanup/cleanup.test-helpers';
import { OUTBOUND_MODES } from './outbound/outbound.test-helpers';
import { OpenApiAnswers } from './testing/openapi-answers';
import { EMBEDDED_SANDBOX_ENV, TestApp, createTestApp } from './testing/test-app';

const [NUMBER, OTHER_NUMBER] = DEMO_NUMBERS;
const customer = (n: number) => `+1415555${String(n).padStart(4, '0')}`;

/** Operations this suite does not call, and why; every other documented operation must be answered as documented. */
const NOT_EXERCISED: Record<string, string> = {
  'POST /api/v1/cleanup/long-lived-channels': 'the same job answers as the Proxy clean-up (CleanupPreviewDto, CleanupJobViewDto)',
  'POST /api/v1/cleanup/schedules': 'schedules are not read by the console',
  'GET /api/v1/cleanup/schedules': 'schedules are not read by the console',
  'GET /api/v1/cleanup/schedules/{id}': 'schedules are not read by the console',
  'PATCH /api/v1/cleanup/schedules/{id}': 'schedules are not read by the console',
  'DELETE /api/v1/cleanup/schedules/{id}': 'schedules are not read by the console',
  'POST /api/v1/webhooks/twilio/conversations':
    "Twilio's signed callbacks, answered 204 with no body (delivery/delivery-status.http.spec.ts sends them)",
  'POST /api/v1/webhooks/twilio/proxy': "Twilio's signed callbacks, answered 204 with no body (delivery/delivery-status.http.spec.ts sends them)",
  'POST /api/v1/webhooks/twilio/messages': "Twilio's signed callbacks, answered 204 with no body (delivery/delivery-status.http.spec.ts sends them)",
  'GET /api/v1/campaigns/{id}/recipients.csv': 'CSV for a spreadsheet, not JSON for the console (campaigns/campaigns.http.spec.ts reads it)',
  'GET /metrics': "Prometheus' text format for a scraper, not JSON for the console (metrics/metrics.http.spec.ts reads it)",
  'GET /api/v1/consent/export.csv': 'CSV for a spreadsheet, not JSON (consent/consent-admin.http.spec.ts reads it and imports it back)',
};

type Method = 'get' | 'post' | 'patch' | 'delete';
/** Filled by both modes' suites, read by the last test. */
const exercised = new Set<string>();
let document: OpenAPIObject;
interface Call {
  params?: Record<string, string>;
  query?: Record<string, string>;
  body?: object;
  agent?: ReturnType<typeof request.agent>;
}

/**
 * The console's types are generated from the OpenAPI document, so the document must not lie: every answer of the main
 * routes, success and error, is checked against the document's schema for its status (closed objects, nullable and
 * required fields as documented), in both outbound modes.
 */
describe.each(OUTBOUND_MODES)('the API answers as its OpenAPI document says (OUTBOUND_MODE=%s)', (mode) => {
  let api: TestApp;
  let answers: OpenApiAnswers;

  async function call(method: Method, path: string, status: number, { params = {}, query, body, agent = api.http }: Call = {}) {
    const url = path.replace(/\{(\w+)\}/g, (_match, name: string) => encodeURIComponent(params[name]));
    const pending = agent[method](`${url}${query ? `?${new URLSearchParams(query)}` : ''}`);
    const response = await (body === undefined ? pending : pending.send(body));
    const route = `${method.toUpperCase()} ${path}`;
    exercised.add(route);
    expect({ route, status: response.status }).toEqual({ route, status });
    const violations = answers.violations(method, path, response.status, response.body);
    expect({ route, status, violations }).toEqual({ route, status, violations: [] });
    return response.body;
  }

  beforeAll(async () => {
    api = await createTestApp({
      env: { ...EMBEDDED_SANDBOX_ENV, OUTBOUND_MODE: mode },
      logger: false,
      override: withCleanupOptions(),
    });
    document = (await api.anonymous.get('/docs-json').expect(200)).body;
    answers = new OpenApiAnswers(document);
  });
  afterAll(() => api?.close());

  it('answers the outbound routes, their history and transcripts as documented', async () => {
    const parties = (n: number) => ({ fromNumber: NUMBER, toName: 'Ada Lovelace', toNumber: customer(n) });
    const agent = await call('post', '/api/v1/outbound/task', 201, { body: { ...parties(1), initialMessage: 'Hi Ada' } });
    const system = await call('post', '/api/v1/outbound/message', 201, { body: { ...parties(2), messageBody: 'Your order shipped.' } });
    await call('post', '/flex-initiate-outbound-sms-task', 200, { body: { ...parties(3), initialNotificationMessage: 'Hello' } });
    await call('post', '/flex-initiate-outbound-sms', 200, { body: { ...parties(4), messageBody: 'Shipped.' } });
    await call('post', '/api/v1/outbound/message', 400, { body: { ...parties(5), messageBody: '' } });
    await call('post', '/api/v1/outbound/message', 422, { body: { ...parties(6), fromNumber: '+15550109999', messageBody: 'No flow' } });

    const history = await call('get', '/api/v1/outbound', 200, { query: { pageSize: '50' } });
    expect(history.items.map((item: { status: string }) => item.status)).toEqual(expect.arrayContaining(['succeeded', 'failed']));
    for (const item of history.items) await call('get', '/api/v1/outbound/{id}', 200, { params: { id: item.id } });
    await call('get', '/api/v1/outbound/{id}', 404, { params: { id: 'req_000000000000000000000000' } });

    if (mode === 'conversations') {
      await call('get', '/api/v1/conversations/{sid}', 200, { params: { sid: system.conversation.sid } });
      await call('get', '/api/v1/channels/{sid}', 404, { params: { sid: system.conversation.sid } });
    } else {
      await call('get', '/api/v1/channels/{sid}', 200, { params: { sid: agent.channel.sid } });
      await call('get', '/api/v1/conversations/{sid}', 404, { params: { sid: agent.channel.sid } });
    }
  });

  it('answers the content templates and WhatsApp sends as documented', async () => {
    const { templates } = await call('get', '/api/v1/content-templates', 200, { query: { refresh: 'true' } });
    const reminder = templates.find((template: { friendlyName: string }) => template.friendlyName === 'appointment_reminder');
    const whatsapp = (n: number) => ({ fromNumber: '+15550100003', toName: 'Ada Lovelace', toNumber: customer(n), channel: 'whatsapp' });
    const filled = { contentSid: reminder.sid, contentVariables: { 1: 'Ada', 2: 'Monday' } };
    if (mode === 'conversations') {
      await call('post', '/api/v1/outbound/message', 201, { body: { ...whatsapp(11), ...filled } });
      await call('post', '/api/v1/outbound/task', 201, { body: { ...whatsapp(12), ...filled } });
      await call('post', '/api/v1/outbound/message', 400, {
        body: { ...whatsapp(13), contentSid: reminder.sid, contentVariables: { nickname: 'Ada' } },
      });
      await call('post', '/api/v1/outbound/task', 422, { body: { ...whatsapp(14), initialMessage: 'Hi Ada' } });
    } else {
      // OUTBOUND_MODE=legacy puts every number on Chat + Proxy, which has no WhatsApp.
      await call('post', '/api/v1/outbound/message', 422, { body: { ...whatsapp(11), ...filled } });
    }
  });

  it('answers the senders and the WhatsApp window as documented', async () => {
    const { senders } = await call('get', '/api/v1/senders', 200);
    expect(senders.map((sender: { number: string }) => sender.number)).toEqual(expect.arrayContaining([NUMBER, '+15550100003']));
    await call('get', '/api/v1/senders/{from}/window', 200, { params: { from: '+15550100003' }, query: { to: customer(15) } });
    await call('get', '/api/v1/senders/{from}/window', 400, { params: { from: '+15550100003' }, query: { to: 'nope' } });
  });

  it('answers the sandbox handset routes as documented', async () => {
    const handsets = await call('get', '/api/v1/sandbox/handset', 200);
    const number = handsets.handsets[0]?.number ?? customer(2);
    await call('get', '/api/v1/sandbox/handset/{number}', 200, { params: { number } });
    await call('post', '/api/v1/sandbox/handset/{number}/replies', 201, { params: { number }, body: { to: NUMBER, body: 'Thanks!' } });
  });

  it('answers the Flex Flow and doctor routes as documented', async () => {
    const { flexFlows } = await call('get', '/api/v1/flex-flows', 200);
    await call('get', '/api/v1/flex-flows/{sid}', 200, { params: { sid: flexFlows[0].sid } });
    await call('patch', '/api/v1/flex-flows/{sid}', 200, { params: { sid: flexFlows[0].sid }, body: { friendlyName: flexFlows[0].friendlyName } });
    const created = await call('post', '/api/v1/flex-flows', 201, { body: { integrationType: 'studio', contactIdentity: '+15550100003' } });
    await call('delete', '/api/v1/flex-flows/{sid}', 204, { params: { sid: created.sid } });
    await call('get', '/api/v1/flex-flows/{sid}', 404, { params: { sid: created.sid } });

    await call('get', '/api/v1/doctor', 200, { query: { number: NUMBER } });
    await call('get', '/api/v1/doctor', 200, { query: { number: OTHER_NUMBER } });
  });

  // The Proxy routes answer alike in both modes: asked once.
  if (mode === 'chat-proxy')
    it('answers the Proxy routes as documented', async () => {
      const { sessions } = await call('get', '/api/v1/proxy/sessions', 200, { query: { pageSize: '10' } });
      const sid = sessions[0]?.sid ?? (await api.controls.seedProxySessions({ count: 1, status: 'open' })).sessionSids[0];
      await call('get', '/api/v1/proxy/sessions/{sid}', 200, { params: { sid } });
      await call('get', '/api/v1/proxy/sessions/{sid}/participants', 200, { params: { sid } });
      await call('post', '/api/v1/proxy/sessions/{sid}/close', 200, { params: { sid } });
      await call('delete', '/api/v1/proxy/sessions/{sid}', 204, { params: { sid } });
    });

  it('answers the clean-up routes as documented', async () => {
    const [path, selection, other, otherSelection] =
      mode === 'conversations'
        ? ['/api/v1/cleanup/conversations', { states: ['active'] }, '/api/v1/cleanup/proxy-sessions', { statuses: ['closed'] }]
        : ['/api/v1/cleanup/proxy-sessions', { statuses: ['open'] }, '/api/v1/cleanup/conversations', { states: ['inactive'] }];
    await call('post', path, 200, { body: { ...selection, dryRun: true } });
    const job = await call('post', path, 202, { body: selection });
    await waitForJob(api, job.id);
    await call('get', '/api/v1/cleanup/jobs/{id}', 200, { params: { id: job.id } });
    await call('get', '/api/v1/cleanup/jobs', 200);
    await call('get', '/api/v1/cleanup/jobs/{id}/items', 200, { params: { id: job.id }, query: { status: 'done' } });
    await call('post', '/api/v1/cleanup/jobs/{id}/cancel', 409, { params: { id: job.id } });
    await call('post', other, 200, { body: { ...otherSelection, dryRun: true } });
  });

  it('answers the consent routes, and a send they refuse, as documented', async () => {
    const recipient = customer(900 + (mode === 'chat-proxy' ? 0 : 1));
    const added = await call('post', '/api/v1/consent', 201, { body: { recipient, scope: NUMBER, reason: 'Asked by phone' } });
    expect(added.recipient).toBe(recipient);
    await call('post', '/api/v1/consent', 400, { body: { recipient: '12', scope: 'x', reason: '' } });
    await call('post', '/api/v1/outbound/message', 422, { body: { fromNumber: NUMBER, toNumber: recipient, toName: 'Ada', messageBody: 'Hi' } });
    await call('post', '/flex-initiate-outbound-sms-task', 422, { body: { fromNumber: NUMBER, toNumber: recipient, toName: 'Ada' } });
    await call('get', '/api/v1/consent', 200, { query: { number: recipient.slice(1) } });
    await call('get', '/api/v1/consent/{recipient}/audit', 200, { params: { recipient } });
    await call('delete', '/api/v1/consent/{recipient}', 204, { params: { recipient }, query: { scope: NUMBER, reason: 'Opted back in' } });
    await call('delete', '/api/v1/consent/{recipient}', 404, { params: { recipient }, query: { scope: NUMBER, reason: 'Again' } });
    for (const [csv, status] of [
      [`recipient,scope,reason\n${recipient},${NUMBER},Import\nbad,${NUMBER},x\n`, 200],
      ['number\n1\n', 400],
    ] as const) {
      const response = await api.http.post('/api/v1/consent/import').set('Content-Type', 'text/csv').send(csv);
      exercised.add('POST /api/v1/consent/import');
      expect(response.status).toBe(status);
      expect(answers.violations('post', '/api/v1/consent/import', response.status, response.body)).toEqual([]);
    }
  });

  it('answers the campaign routes as documented', async () => {
    // At 0.01 a second the second recipient waits 100 s: the campaign is still running when paused.
    const recipients = [
      { number: customer(40), name: 'Ada' },
      { number: 'nope' },
      { number: customer(40) },
      { number: customer(41) },
      { number: customer(42) },
    ];
    const settings = { name: `Campaign ${mode}`, body: 'Hi {{name}}', senders: [NUMBER], ...ANY_TIME, recipients };
    const dry = await call('post', '/api/v1/campaigns', 201, { body: { ...settings, dryRun: true } });
    await call('post', '/api/v1/campaigns', 400, { body: { ...settings, senders: ['nope'] } });
    const campaign = await call('post', '/api/v1/campaigns', 201, { body: { ...settings, pacingPerSecond: 0.01 } });
    await call('get', '/api/v1/campaigns', 200);
    await call('get', '/api/v1/campaigns/{id}', 200, { params: { id: campaign.id } });
    await call('get', '/api/v1/campaigns/{id}', 404, { params: { id: '6f1d2c3b-4a5e-4f70-8192-a3b4c5d6e7f8' } });
    await call('post', '/api/v1/campaigns/{id}/pause', 200, { params: { id: campaign.id } });
    await call('post', '/api/v1/campaigns/{id}/pause', 409, { params: { id: campaign.id } });
    await call('post', '/api/v1/campaigns/{id}/resume', 200, { params: { id: campaign.id } });
    await call('post', '/api/v1/campaigns/{id}/resume', 409, { params: { id: dry.id } });
    await call('post', '/api/v1/campaigns/{id}/cancel', 200, { params: { id: campaign.id } });
    await call('get', '/api/v1/campaigns/{id}/recipients', 200, { params: { id: campaign.id } });
    await call('get', '/api/v1/campaigns/{id}/recipients', 200, { params: { id: dry.id }, query: { state: 'invalid' } });
  });

  it('answers the API key, user and session routes as documented', async () => {
    const created = await call('post', '/api/v1/api-keys', 201, { body: { name: 'CRM', role: 'operator', allowedFromNumbers: [NUMBER] } });
    await call('get', '/api/v1/api-keys', 200);
    await call('delete', '/api/v1/api-keys/{id}', 200, { params: { id: created.apiKey.id } });

    // Nothing listens on port 9 (discard): the callbacks stay pending, retried, and their log has attempts to show.
    const withCallbacks = await call('post', '/api/v1/api-keys', 201, {
      body: { name: 'CRM callbacks', role: 'operator', callbackUrl: 'http://127.0.0.1:9/hook' },
    });
    const keyId = { id: withCallbacks.apiKey.id };
    await call('patch', '/api/v1/api-keys/{id}', 200, { params: keyId, body: { callbackUrl: 'http://127.0.0.1:9/other' } });
    await call('patch', '/api/v1/api-keys/{id}', 400, { params: keyId, body: { callbackUrl: 'ftp://127.0.0.1/hook' } });
    await call('patch', '/api/v1/api-keys/{id}', 404, { params: { id: 'key_nosuchkey' }, body: { callbackUrl: null } });
    await call('post', '/api/v1/api-keys/{id}/signing-secret', 200, { params: keyId });
    const withKey = request.agent(api.url).auth(withCallbacks.key, { type: 'bearer' });
    const body = {
      fromNumber: NUMBER,
      toName: 'Ada Lovelace',
      toNumber: customer(40),
      messageBody: 'Shipped.',
      statusCallbackUrl: 'http://127.0.0.1:9/request',
    };
    const sent = await call('post', '/api/v1/outbound/message', 201, { agent: withKey, body });
    await call('get', '/api/v1/outbound/{id}/callbacks', 200, { params: { id: sent.id } });
    await call('get', '/api/v1/outbound/{id}/callbacks', 404, { params: { id: 'req_000000000000000000000000' } });
    await call('delete', '/api/v1/api-keys/{id}', 200, { params: keyId });
    await call('post', '/api/v1/api-keys/{id}/signing-secret', 409, { params: keyId });

    const password = 'correct horse battery staple';
    const user = await call('post', '/api/v1/users', 201, { body: { username: `grace-${mode}`, password, role: 'operator' } });
    await call('get', '/api/v1/users', 200);
    await call('patch', '/api/v1/users/{id}', 200, { params: { id: user.id }, body: { role: 'admin' } });
    const browser = request.agent(api.url).set('Origin', 'http://localhost:4200');
    await call('post', '/api/v1/auth/login', 200, { agent: browser, body: { username: `grace-${mode}`, password } });
    await call('get', '/api/v1/auth/me', 200, { agent: browser });
    await call('get', '/api/v1/auth/me', 200);
    await call('post', '/api/v1/auth/logout', 204, { agent: browser });
    await call('get', '/api/v1/auth/me', 401, { agent: browser });
    await call('delete', '/api/v1/users/{id}', 204, { params: { id: user.id } });
    await call('get', '/health', 200, { agent: request.agent(api.url) });
    await call('get', '/health/ready', 200, { agent: request.agent(api.url) });
  });
});

describe('the OpenAPI document', () => {
  it("is the one checked in as apps/api/openapi.json, which the console's types are generated from", () => {
    const checkedIn = JSON.parse(readFileSync(join(__dirname, '..', 'openapi.json'), 'utf8'));
    expect(document).toEqual(checkedIn);
  });

  it('was asked every documented operation (in one mode or the other), but those the suite names as left out', () => {
    const documented = Object.entries(document.paths).flatMap(([path, item]) =>
      Object.keys(item)
        .filter((method) => ['get', 'post', 'patch', 'put', 'delete'].includes(method))
        .map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(documented.filter((route) => !exercised.has(route) && !NOT_EXERCISED[route])).toEqual([]);
  });
});
