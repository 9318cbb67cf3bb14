import { CONSOLE_ORIGIN, createApiKey, createUser, signIn } from '../auth/auth.test-helpers';
import { TWILIO_NUMBER } from '../outbound/outbound.test-helpers';
import { TestApp, createTestApp } from '../testing/test-app';
import { createTestSchema, describePostgres } from '../testing/test-databases';

const CUSTOMER = '+14155550170';
const OTHER_CUSTOMER = '+14155550171';
const MESSAGING_SERVICE = 'MG0123456789abcdef0123456789abcdef';

/** The admin routes of the consent register, on the embedded SQLite database and on PostgreSQL. */
function consentAdminContract(databaseUrl: () => Promise<{ url: string; cleanUp: () => Promise<void> }>) {
  let api: TestApp;
  let cleanUp: () => Promise<void>;

  beforeAll(async () => {
    const database = await databaseUrl();
    cleanUp = database.cleanUp;
    api = await createTestApp({ env: { DATABASE_URL: database.url }, captureLogs: true });
  });
  afterAll(async () => {
    await api.close();
    await cleanUp();
  });

  const audit = async (recipient: string) => (await api.http.get(`/api/v1/consent/${encodeURIComponent(recipient)}/audit`).expect(200)).body;

  it('adds an opt-out with a reason, lists and finds it, removes it, and keeps both changes in the audit trail with who made them', async () => {
    const user = await createUser(api, 'consent-admin', 'admin');
    const cookie = await signIn(api, user.username);
    const added = await api.anonymous
      .post('/api/v1/consent')
      .set('Cookie', cookie)
      .set('Origin', CONSOLE_ORIGIN)
      .send({ recipient: CUSTOMER, scope: TWILIO_NUMBER, reason: 'Asked by phone' })
      .expect(201);
    expect(added.body).toMatchObject({
      recipient: CUSTOMER,
      scope: TWILIO_NUMBER,
      source: 'manual',
      actor: `user:${user.id}`,
      reason: 'Asked by phone',
      since: expect.any(String),
    });

    await api.http.post('/api/v1/consent').send({ recipient: OTHER_CUSTOMER, scope: MESSAGING_SERVICE, reason: 'Complaint' }).expect(201);
    const found = (await api.http.get('/api/v1/consent').query({ number: '5550170' }).expect(200)).body;
    expect(found).toEqual({ items: [expect.objectContaining({ recipient: CUSTOMER, scope: TWILIO_NUMBER })], page: 1, pageSize: 20, total: 1 });
    const paged = (await api.http.get('/api/v1/consent').query({ pageSize: 1, page: 2 }).expect(200)).body;
    expect(paged).toMatchObject({ page: 2, pageSize: 1, total: 2, items: [expect.objectContaining({ recipient: CUSTOMER })] });

    await api.http
      .delete(`/api/v1/consent/${encodeURIComponent(CUSTOMER)}`)
      .query({ scope: TWILIO_NUMBER, reason: 'Opted back in by email' })
      .expect(204);
    await api.http
      .delete(`/api/v1/consent/${encodeURIComponent(CUSTOMER)}`)
      .query({ scope: TWILIO_NUMBER, reason: 'Twice' })
      .expect(404)
      .expect((response) => expect(response.body.error).toMatchObject({ code: 'OPT_OUT_NOT_FOUND' }));
    expect((await api.http.get('/api/v1/consent').query({ number: CUSTOMER }).expect(200)).body.total).toBe(0);
    expect(await audit(CUSTOMER)).toEqual([
      expect.objectContaining({
        action: 'opt-out',
        source: 'manual',
        actor: `user:${user.id}`,
        actorName: 'consent-admin',
        reason: 'Asked by phone',
      }),
      expect.objectContaining({
        action: 'opt-in',
        source: 'manual',
        actor: 'bootstrap',
        actorName: 'bootstrap key',
        reason: 'Opted back in by email',
      }),
    ]);
  });

  it('answers 400 naming each bad field', async () => {
    const response = await api.http.post('/api/v1/consent').send({ recipient: '555-0123', scope: 'somewhere', reason: '  ' }).expect(400);
    expect(response.body.error.code).toBe('VALIDATION_FAILED');
    expect(response.body.error.details.map((detail: { field: string }) => detail.field).sort()).toEqual(['reason', 'recipient', 'scope']);

    const removal = await api.http
      .delete(`/api/v1/consent/${encodeURIComponent(CUSTOMER)}`)
      .query({ scope: 'whatsapp:nope' })
      .expect(400);
    expect([...new Set(removal.body.error.details.map((detail: { field: string }) => detail.field))].sort()).toEqual(['reason', 'scope']);
    const path = await api.http.delete('/api/v1/consent/12345').query({ scope: TWILIO_NUMBER, reason: 'x' }).expect(400);
    expect(path.body.error.details).toEqual([expect.objectContaining({ field: 'recipient' })]);
  });

  it('is for admins only: an operator, and an API key restricted to sender numbers, are refused', async () => {
    const operator = await createApiKey(api, 'operator');
    const restricted = await createApiKey(api, 'operator', { allowedFromNumbers: [TWILIO_NUMBER] });
    for (const key of [operator.key, restricted.key]) {
      await api.anonymous.get('/api/v1/consent').set('Authorization', `Bearer ${key}`).expect(403);
      await api.anonymous
        .post('/api/v1/consent')
        .set('Authorization', `Bearer ${key}`)
        .send({ recipient: CUSTOMER, scope: TWILIO_NUMBER, reason: 'x' })
        .expect(403);
      await api.anonymous
        .delete(`/api/v1/consent/${encodeURIComponent(CUSTOMER)}`)
        .set('Authorization', `Bearer ${key}`)
        .query({ scope: TWILIO_NUMBER, reason: 'x' })
        .expect(403);
    }
  });

  it('imports CSV (streamed), reporting each bad row with its line and fields, and exports what an import takes back as is', async () => {
    const csv = [
      'recipient,scope,reason',
      '+14155550180,+15550100001,Asked by letter',
      'not-a-number,+15550100001,Bad',
      '+14155550181,whatsapp:+15550100003,"Quoted, with a comma"',
      '+14155550182,nowhere,',
      '+14155550183,MG0123456789abcdef0123456789abcdef,"=HYPERLINK(""x"")"',
      '',
    ].join('\r\n');
    const imported = await api.http.post('/api/v1/consent/import').set('Content-Type', 'text/csv').send(csv);
    expect(imported.status).toBe(200);
    expect(imported.body).toEqual({
      imported: 3,
      rejected: 2,
      complete: true,
      errors: [
        { row: 3, details: [expect.objectContaining({ field: 'recipient' })] },
        { row: 5, details: [expect.objectContaining({ field: 'scope' })] },
      ],
    });
    expect(await audit('+14155550180')).toEqual([
      expect.objectContaining({ action: 'opt-out', source: 'import', actor: 'bootstrap', reason: 'Asked by letter' }),
    ]);

    const exported = await api.http
      .get('/api/v1/consent/export.csv')
      .buffer(true)
      .parse((response, done) => {
        let text = '';
        response.on('data', (chunk: Buffer) => (text += chunk.toString()));
        response.on('end', () => done(null, text));
      })
      .expect(200);
    expect(exported.headers['content-type']).toMatch(/^text\/csv/);
    const lines = (exported.body as string).trim().split('\r\n');
    expect(lines[0]).toBe('recipient,scope,since,source,actor,reason');
    expect(lines).toContainEqual(expect.stringMatching(/^\+14155550181,whatsapp:\+15550100003,[^,]+,import,bootstrap,"Quoted, with a comma"$/));
    // A spreadsheet would run a formula: the export defuses it, the import takes the apostrophe off again.
    expect(lines).toContainEqual(expect.stringMatching(/,'=HYPERLINK\(""x""\)"?$|,"'=HYPERLINK\(""x""\)"$/));

    // Round trip: the export, imported into an empty register, gives the same opt-outs back.
    const before = (await api.http.get('/api/v1/consent').query({ pageSize: 100 }).expect(200)).body.items;
    for (const optOut of before) {
      await api.http
        .delete(`/api/v1/consent/${encodeURIComponent(optOut.recipient)}`)
        .query({ scope: optOut.scope, reason: 'round trip' })
        .expect(204);
    }
    const again = await api.http.post('/api/v1/consent/import').set('Content-Type', 'text/csv; charset=utf-8').send(exported.body).expect(200);
    expect(again.body).toEqual({ imported: before.length, rejected: 0, errors: [], complete: true });
    const after = (await api.http.get('/api/v1/consent').query({ pageSize: 100 }).expect(200)).body.items;
    const key = (optOut: { recipient: string; scope: string; reason: string | null }) => `${optOut.recipient} ${optOut.scope} ${optOut.reason}`;
    expect(after.map(key).sort()).toEqual(before.map(key).sort());
    expect(after.find((optOut: { recipient: string }) => optOut.recipient === '+14155550183').reason).toBe('=HYPERLINK("x")');
  });

  it('refuses an import without the columns it needs (400, nothing imported), or not sent as text/csv (415)', async () => {
    const header = await api.http
      .post('/api/v1/consent/import')
      .set('Content-Type', 'text/csv')
      .send('number,scope\n+14155550190,+15550100001\n')
      .expect(400);
    expect(header.body.error).toMatchObject({ code: 'CSV_HEADER_INVALID', context: { missing: ['recipient', 'reason'] } });
    await api.http.post('/api/v1/consent/import').send({ recipient: '+14155550190' }).expect(415);
    expect(await audit('+14155550190')).toEqual([]);
  });

  it('stops an import where the file stops being CSV, keeping the rows before it and saying where', async () => {
    const csv = 'recipient,scope,reason\n+14155550192,+15550100001,Fine\n+14155550193,+15550100001,"unclosed\n+14155550194,+15550100001,Never read\n';
    const result = (await api.http.post('/api/v1/consent/import').set('Content-Type', 'text/csv').send(csv).expect(200)).body;

    expect(result).toMatchObject({
      imported: 1,
      rejected: 0,
      complete: false,
      errors: [{ row: expect.any(Number), details: [expect.objectContaining({ field: 'csv' })] }],
    });
    expect(await audit('+14155550192')).toHaveLength(1);
    expect(await audit('+14155550194')).toEqual([]);
  });
}

describe('the consent register admin API (embedded SQLite)', () =>
  consentAdminContract(async () => ({ url: 'memory://', cleanUp: async () => undefined })));

describePostgres('the consent register admin API (PostgreSQL)', () =>
  consentAdminContract(async () => {
    const schema = await createTestSchema(process.env.TEST_DATABASE_URL as string);
    return { url: schema.url, cleanUp: schema.drop };
  }),
);
