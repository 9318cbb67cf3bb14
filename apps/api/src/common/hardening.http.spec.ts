import { randomUUID } from 'node:crypto';
import { TestApp, createTestApp } from '../testing/test-app';
import { MAX_SCHEDULE_EVERY_HOURS } from '../cleanup/dto/cleanup-schedule.request.dto';
import { MAX_PAGE, MAX_PAGE_SIZE } from './paging.query.dto';

describe('HTTP hardening', () => {
  let api: TestApp;
  beforeAll(async () => {
    api = await createTestApp({ logger: false });
  });
  afterAll(() => api.close());

  it('sends helmet’s security headers on API answers, errors included', async () => {
    for (const response of [await api.anonymous.get('/health').expect(200), await api.anonymous.get('/api/v1/auth/me').expect(401)]) {
      expect(response.headers).toMatchObject({
        'x-content-type-options': 'nosniff',
        'x-frame-options': 'SAMEORIGIN',
        'strict-transport-security': expect.stringContaining('max-age='),
        'content-security-policy': expect.stringContaining("default-src 'self'"),
        'referrer-policy': 'no-referrer',
      });
      expect(response.headers['x-powered-by']).toBeUndefined();
    }
  });

  it(`caps every list page at ${MAX_PAGE_SIZE} items: 400 VALIDATION_FAILED above`, async () => {
    const lists = [
      '/api/v1/outbound?pageSize=',
      '/api/v1/proxy/sessions?pageSize=',
      '/api/v1/cleanup/jobs?limit=',
      `/api/v1/cleanup/jobs/${randomUUID()}/items?limit=`,
    ];
    for (const list of lists) {
      const refused = await api.http.get(`${list}${MAX_PAGE_SIZE + 1}`);
      expect(`${list} → ${refused.status} ${refused.body.error?.code}`).toBe(`${list} → 400 VALIDATION_FAILED`);
      expect((await api.http.get(`${list}${MAX_PAGE_SIZE}`)).status).not.toBe(400);
    }
  });

  it('refuses a page number no database offset holds (1e308, Infinity) with 400 naming the field, not 500', async () => {
    for (const page of ['1e308', 'Infinity', '9007199254740993', String(MAX_PAGE + 1)]) {
      const refused = await api.http.get(`/api/v1/outbound?page=${page}`);
      expect(`page=${page} → ${refused.status} ${refused.body.error?.details?.[0]?.field}`).toBe(`page=${page} → 400 page`);
    }
    await api.http.get(`/api/v1/outbound?page=${MAX_PAGE}`).expect(200);
  });

  it('bounds a cleanup schedule’s period and a selection’s age: 400 naming the field, not a date no one can hold', async () => {
    const schedule = { name: 'rarely', kind: 'proxy-sessions', proxySessions: { statuses: ['closed'] } };
    const everyHours = await api.http
      .post('/api/v1/cleanup/schedules')
      .send({ ...schedule, everyHours: 1e300 })
      .expect(400);
    expect(everyHours.body.error.details.map((detail: { field: string }) => detail.field)).toEqual(['everyHours']);
    const age = await api.http
      .post('/api/v1/cleanup/proxy-sessions')
      .send({ statuses: ['closed'], olderThanDays: 1e300, dryRun: true })
      .expect(400);
    expect(age.body.error.details.map((detail: { field: string }) => detail.field)).toEqual(['olderThanDays']);
    await api.http
      .post('/api/v1/cleanup/schedules')
      .send({ ...schedule, everyHours: MAX_SCHEDULE_EVERY_HOURS })
      .expect(201);
  });

  it('does not let another origin read answers with credentials (CORS limited to the console, no credentials mode)', async () => {
    const response = await api.anonymous.get('/api/v1/auth/me').set('Origin', 'https://evil.test').set('Cookie', 'flex_sms_session=x');
    expect(response.headers['access-control-allow-origin']).toBeUndefined();
    expect(response.headers['access-control-allow-credentials']).toBeUndefined();
  });
});
