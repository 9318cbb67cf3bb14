import { DEMO_CONVERSATIONS_NUMBER, DEMO_NUMBERS } from '@flex-sms/twilio-sandbox';
import request from 'supertest';
import { OutboundEvents } from '../events/outbound-events';
import { FAST_RETRIES } from '../outbound/outbound.test-helpers';
import { OUTBOUND_SMS_OPTIONS } from '../outbound/outbound-sms.tokens';
import { TestApp, createTestApp } from '../testing/test-app';
import { CAMPAIGN_OPTIONS, DEFAULT_CAMPAIGN_OPTIONS } from './campaigns.tokens';
import { ANY_TIME, CampaignBody, customers, received, waitForCampaign } from './campaigns.test-helpers';

const [SENDER, OTHER_SENDER] = DEMO_NUMBERS;
const settled = (campaign: CampaignBody) => campaign.status === 'completed' || campaign.status === 'cancelled';

describe('Campaigns over HTTP (sandbox)', () => {
  let api: TestApp;

  beforeAll(async () => {
    api = await createTestApp({
      logger: false,
      override: (builder) =>
        builder
          .overrideProvider(OUTBOUND_SMS_OPTIONS)
          .useValue(FAST_RETRIES)
          .overrideProvider(CAMPAIGN_OPTIONS)
          .useValue({ ...DEFAULT_CAMPAIGN_OPTIONS, idlePollMs: 20 }),
    });
  });

  afterAll(async () => {
    await api?.close();
  });

  it('creates from JSON, reports what it leaves out, and sends every other recipient exactly once', async () => {
    const [ada, grace, optedOut, inConversation] = customers(4, 0);
    // Through the consent API, into the SQL register every send asks.
    await api.http.post('/api/v1/consent').send({ recipient: optedOut, scope: SENDER, reason: 'Texted STOP' }).expect(201);
    await api.http.post('/api/v1/outbound/task').send({ fromNumber: SENDER, toNumber: inConversation, toName: 'Busy' }).expect(201);

    const body = 'Hi {{name}}, your appointment is on {{date}}.';
    const created = await api.http
      .post('/api/v1/campaigns')
      .send({
        name: 'Reminders',
        body,
        senders: [SENDER],
        pacingPerSecond: 50,
        ...ANY_TIME,
        recipients: [
          { number: ada, name: 'Ada', variables: { date: 'March 3' } },
          { number: 'not a number', name: 'Nobody' },
          { number: grace, name: 'Grace', variables: { date: 'March 4' } },
          { number: ada.replace('+1', '+1 '), name: 'Ada again', variables: { date: 'March 5' } },
          { number: optedOut, name: 'Stopped', variables: { date: 'March 6' } },
          { number: inConversation, name: 'Busy', variables: { date: 'March 7' } },
        ],
      })
      .expect(201);
    const report = created.body.report;
    expect(report.rows).toBe(6);
    expect(report.toSend).toBe(2);
    expect(report.invalid).toEqual({ count: 1, rows: [{ row: 2, input: 'not a number', reason: expect.stringContaining('not a phone number') }] });
    expect(report.duplicates).toEqual({ count: 1, rows: [{ row: 4, input: ada.replace('+1', '+1 '), reason: 'same number as row 1' }] });
    expect(report.optedOut.rows).toEqual([{ row: 5, input: optedOut, reason: expect.stringContaining(`opted out of ${SENDER}`) }]);
    expect(report.inConversation.rows).toEqual([{ row: 6, input: inConversation, reason: expect.stringContaining('live conversation') }]);
    expect(report.segments).toMatchObject({ encoding: 'GSM-7', perMessageMin: 1, perMessageMax: 1, total: 2 });

    const done = await waitForCampaign(api, created.body.id, settled);
    expect(done).toMatchObject({
      status: 'completed',
      counts: expect.objectContaining({ sent: 2, invalid: 1, duplicate: 1, opted_out: 1, in_conversation: 1, pending: 0 }),
    });
    expect(await received(api.controls, ada, 'Hi Ada, your appointment is on March 3.')).toHaveLength(1);
    expect(await received(api.controls, grace, 'Hi Grace, your appointment is on March 4.')).toHaveLength(1);
    expect(await received(api.controls, optedOut, 'Hi Stopped, your appointment is on March 6.')).toHaveLength(0);
    expect(await received(api.controls, inConversation, 'Hi Busy, your appointment is on March 7.')).toHaveLength(0);

    const sent = await api.http.get(`/api/v1/campaigns/${created.body.id}/recipients?state=sent`).expect(200);
    expect(sent.body.recipients.map((recipient: { toNumber: string; requestId: string }) => recipient.toNumber)).toEqual([ada, grace]);
    const request = await api.http.get(`/api/v1/outbound/${sent.body.recipients[0].requestId}`).expect(200);
    expect(request.body).toMatchObject({ status: 'succeeded', idempotencyKey: `campaign:${created.body.id}:0` });
  });

  it('creates from a streamed CSV with a column mapping, and exports the results as CSV', async () => {
    const numbers = customers(25, 100);
    const csv = ['phone,full name,clinic', ...numbers.map((number, index) => `${number},"Patient ${index}, Jr",Clinic ${index % 3}`)].join('\n');
    const query = new URLSearchParams({
      name: 'CSV',
      body: '{{name}}: see you at {{clinic}}',
      senders: `${SENDER},${OTHER_SENDER}`,
      pacingPerSecond: '50',
      numberColumn: 'phone',
      nameColumn: 'full name',
      ...ANY_TIME,
    });
    const created = await api.http.post(`/api/v1/campaigns?${query}`).set('Content-Type', 'text/csv').send(csv).expect(201);
    expect(created.body.report).toMatchObject({ rows: 25, toSend: 25, perSender: { [SENDER]: 13, [OTHER_SENDER]: 12 } });

    await waitForCampaign(api, created.body.id, settled);
    for (const [index, number] of numbers.entries()) {
      expect(await received(api.controls, number, `Patient ${index}, Jr: see you at Clinic ${index % 3}`)).toHaveLength(1);
    }
    const exported = await api.http
      .get(`/api/v1/campaigns/${created.body.id}/recipients.csv`)
      .expect(200)
      .expect('Content-Type', /text\/csv/);
    const lines = exported.text.trim().split('\r\n');
    expect(lines[0]).toBe('row,number,name,sender,state,reason,request_id,error_code,error_message,delivery_status,delivery_error_code,settled_at');
    expect(lines).toHaveLength(26);
    expect(lines[1]).toMatch(new RegExp(`^1,\\${numbers[0]},"Patient 0, Jr",\\+1555010000[12],sent,,req_[0-9a-f]+,`));
  });

  it('refuses a CSV without the mapped column, naming it, and keeps nothing of it', async () => {
    const before = (await api.http.get('/api/v1/campaigns?limit=100').expect(200)).body.length;
    const query = new URLSearchParams({ name: 'Bad', body: 'Hello', senders: SENDER, numberColumn: 'mobile' });
    const refused = await api.http.post(`/api/v1/campaigns?${query}`).set('Content-Type', 'text/csv').send('phone\n+14155550100\n').expect(400);
    expect(refused.body.error).toMatchObject({ code: 'INVALID_INPUT', message: expect.stringContaining("numberColumn: no column 'mobile'") });
    expect((await api.http.get('/api/v1/campaigns?limit=100').expect(200)).body).toHaveLength(before);
  });

  it('a dry run reports and sends nothing', async () => {
    const [number] = customers(1, 200);
    const created = await api.http
      .post('/api/v1/campaigns?dryRun=true')
      .send({ name: 'Dry', body: 'Ünïcode ✓ '.repeat(10), senders: [SENDER], ...ANY_TIME, recipients: [{ number }] })
      .expect(201);
    expect(created.body).toMatchObject({ status: 'dry_run', counts: expect.objectContaining({ pending: 1, sent: 0 }) });
    expect(created.body.report.segments).toMatchObject({ encoding: 'UCS-2', perMessageMax: 2 });
    expect(created.body.report.estimatedDurationSeconds).toBe(1);
    await api.http.post(`/api/v1/campaigns/${created.body.id}/resume`).expect(409);
    expect(await api.controls.handsetThread(number)).toEqual([]);
  });

  it('pauses, resumes and cancels', async () => {
    const numbers = customers(12, 300);
    const created = await api.http
      .post('/api/v1/campaigns')
      .send({ name: 'Slow', body: 'Pause me', senders: [SENDER], pacingPerSecond: 4, ...ANY_TIME, recipients: numbers.map((number) => ({ number })) })
      .expect(201);
    const paused = await api.http.post(`/api/v1/campaigns/${created.body.id}/pause`).expect(200);
    expect(paused.body.status).toBe('paused');
    const idle = await waitForCampaign(api, created.body.id, (campaign) => campaign.counts.sending === 0);
    expect(idle.counts.pending).toBeGreaterThan(0);
    await api.http.post(`/api/v1/campaigns/${created.body.id}/pause`).expect(409);

    await api.http.post(`/api/v1/campaigns/${created.body.id}/resume`).expect(200);
    const done = await waitForCampaign(api, created.body.id, settled);
    expect(done.counts.sent).toBe(12);
    for (const number of numbers) expect(await received(api.controls, number, 'Pause me')).toHaveLength(1);

    const other = await api.http
      .post('/api/v1/campaigns')
      .send({
        name: 'Cancelled',
        body: 'Cancel me',
        senders: [SENDER],
        pacingPerSecond: 1,
        ...ANY_TIME,
        recipients: customers(10, 400).map((number) => ({ number })),
      })
      .expect(201);
    const cancelled = await api.http.post(`/api/v1/campaigns/${other.body.id}/cancel`).expect(200);
    expect(cancelled.body.status).toBe('cancelled');
    const after = await waitForCampaign(api, other.body.id, (campaign) => campaign.counts.sending === 0);
    expect(after.counts.cancelled).toBeGreaterThan(0);
    expect(after.counts.cancelled + after.counts.sent).toBe(10);
    expect(after.counts.pending).toBe(0);
    const conflict = await api.http.post(`/api/v1/campaigns/${other.body.id}/resume`).expect(409);
    expect(conflict.body.error.code).toBe('CAMPAIGN_STATE_CONFLICT');
  });

  it('stops for review once carrier filtering (30007) passes the threshold, and exports the delivery status', async () => {
    const created = await api.http
      .post('/api/v1/campaigns')
      // At 0.01 a second the second recipient waits 100 s: only the first is sent while the test looks.
      .send({
        name: 'Filtered',
        body: 'Filtered?',
        senders: [SENDER],
        pacingPerSecond: 0.01,
        filteredStopThreshold: 1,
        ...ANY_TIME,
        recipients: customers(2, 1000).map((number) => ({ number })),
      })
      .expect(201);
    await waitForCampaign(api, created.body.id, (campaign) => campaign.counts.sent === 1);
    const [first] = (await api.http.get(`/api/v1/campaigns/${created.body.id}/recipients?state=sent`).expect(200)).body.recipients;
    await api.app.get(OutboundEvents).publishOutbound({
      kind: 'delivery',
      requestId: first.requestId,
      messageSid: 'SM' + '0'.repeat(32),
      status: 'undelivered',
      errorCode: 30007,
      at: new Date(),
    });

    const stopped = (await api.http.get(`/api/v1/campaigns/${created.body.id}`).expect(200)).body;
    expect(stopped).toMatchObject({
      status: 'stopped',
      stopReason: expect.stringContaining('30007'),
      counts: expect.objectContaining({ sent: 1, pending: 1 }),
    });
    const exported = (await api.http.get(`/api/v1/campaigns/${created.body.id}/recipients.csv?state=sent`).expect(200)).text;
    expect(exported.trim().split('\r\n')[1]).toMatch(/,undelivered,30007,/);
    await api.http.post(`/api/v1/campaigns/${created.body.id}/resume`).expect(200);
    await api.http.post(`/api/v1/campaigns/${created.body.id}/cancel`).expect(200);
  });

  it('keeps a key restricted to some senders to campaigns from those', async () => {
    const key = (
      await api.http
        .post('/api/v1/api-keys')
        .send({ name: 'CRM', role: 'operator', allowedFromNumbers: [SENDER] })
        .expect(201)
    ).body.key as string;
    const restricted = (method: 'get' | 'post', path: string) => request(api.url)[method](path).auth(key, { type: 'bearer' });
    const other = await api.http
      .post('/api/v1/campaigns?dryRun=true')
      .send({ name: 'Other sender', body: 'Hi', senders: [OTHER_SENDER], ...ANY_TIME, recipients: [{ number: customers(1, 900)[0] }] })
      .expect(201);
    const refused = await restricted('post', '/api/v1/campaigns')
      .send({ name: 'Mine?', body: 'Hi', senders: [SENDER, OTHER_SENDER], recipients: [{ number: customers(1, 901)[0] }] })
      .expect(403);
    expect(refused.body.error.code).toBe('FROM_NUMBER_NOT_ALLOWED');
    const mine = await restricted('post', '/api/v1/campaigns?dryRun=true')
      .send({ name: 'Mine', body: 'Hi', senders: [SENDER], ...ANY_TIME, recipients: [{ number: customers(1, 902)[0] }] })
      .expect(201);
    const listed = (await restricted('get', '/api/v1/campaigns?limit=100').expect(200)).body as { id: string; senders: string[] }[];
    expect(listed.map((campaign) => campaign.id)).toContain(mine.body.id);
    expect(listed.every((campaign) => campaign.senders.every((sender) => sender === SENDER))).toBe(true);
    await restricted('get', `/api/v1/campaigns/${other.body.id}`).expect(404);
    await restricted('get', `/api/v1/campaigns/${other.body.id}/recipients.csv`).expect(404);
    await restricted('post', `/api/v1/campaigns/${other.body.id}/cancel`).expect(404);
    expect((await api.http.get(`/api/v1/campaigns/${other.body.id}`).expect(200)).body.status).toBe('dry_run');
  });

  it('sends a Content template on WhatsApp from a CSV, mapped columns filling its placeholders, and reports the rows missing one', async () => {
    const [ada, grace, blank] = customers(3, 1100);
    const csv = ['phone,first,day,notes', `${ada},Ada,Monday,x`, `${grace},Grace,Tuesday,y`, `${blank},Nobody,,z`].join('\n');
    const query = new URLSearchParams({
      name: 'WhatsApp reminders',
      channel: 'whatsapp',
      contentSid: api.sandbox.account.contentTemplates.appointmentReminder,
      senders: DEMO_CONVERSATIONS_NUMBER,
      pacingPerSecond: '50',
      numberColumn: 'phone',
      nameColumn: 'first',
      variableColumns: 'first:1,day:2',
      ...ANY_TIME,
    });
    const created = await api.http.post(`/api/v1/campaigns?${query}`).set('Content-Type', 'text/csv').send(csv).expect(201);
    const reminder = (name: string, day: string) =>
      `Hello ${name}, this is a reminder of your appointment on ${day}. Reply here if you need to change it.`;
    expect(created.body).toMatchObject({ channel: 'whatsapp', contentSid: query.get('contentSid'), body: null });
    expect(created.body.report).toMatchObject({
      toSend: 2,
      invalid: { count: 1, rows: [{ row: 3, input: blank, reason: 'contentVariables.2: must not be blank' }] },
      preview: [
        { row: 1, toNumber: ada, fromNumber: DEMO_CONVERSATIONS_NUMBER, text: reminder('Ada', 'Monday') },
        { row: 2, toNumber: grace, text: reminder('Grace', 'Tuesday') },
      ],
    });

    await waitForCampaign(api, created.body.id, settled);
    for (const [number, name, day] of [
      [ada, 'Ada', 'Monday'],
      [grace, 'Grace', 'Tuesday'],
    ]) {
      expect(await received(api.controls, number, reminder(name, day))).toEqual([
        expect.objectContaining({ channel: 'whatsapp', from: `whatsapp:${DEMO_CONVERSATIONS_NUMBER}` }),
      ]);
    }
    const [sent] = (await api.http.get(`/api/v1/campaigns/${created.body.id}/recipients?state=sent`).expect(200)).body.recipients;
    expect(sent.variables).toEqual({ 1: 'Ada', 2: 'Monday' });
    expect(await api.controls.handsetThread(blank)).toEqual([]);
  });

  it('refuses up front a WhatsApp campaign with a body only, an unapproved template or a Chat + Proxy sender, naming the field', async () => {
    const recipients = [{ number: customers(1, 1200)[0] }];
    const base = { name: 'WhatsApp', channel: 'whatsapp', senders: [DEMO_CONVERSATIONS_NUMBER], ...ANY_TIME, recipients };
    const bodyOnly = await api.http
      .post('/api/v1/campaigns')
      .send({ ...base, body: 'Hello' })
      .expect(400);
    expect(bodyOnly.body.error).toMatchObject({
      code: 'INVALID_INPUT',
      message: expect.stringMatching(/^contentSid: is required on WhatsApp.*24-hour/),
    });
    const pending = await api.http
      .post('/api/v1/campaigns')
      .send({ ...base, contentSid: api.sandbox.account.contentTemplates.springOffer })
      .expect(400);
    expect(pending.body.error).toMatchObject({ code: 'INVALID_CONTENT', message: expect.stringContaining('not approved') });
    const both = await api.http
      .post('/api/v1/campaigns')
      .send({ ...base, channel: 'sms', body: 'Hello', contentSid: api.sandbox.account.contentTemplates.appointmentReminder })
      .expect(400);
    expect(both.body.error.message).toContain('body: must be left out when contentSid is given');
    const chatProxy = await api.http
      .post('/api/v1/campaigns')
      .send({ ...base, senders: [SENDER], contentSid: api.sandbox.account.contentTemplates.appointmentReminder })
      .expect(422);
    expect(chatProxy.body.error).toMatchObject({ code: 'CHANNEL_NOT_SUPPORTED', context: { fromNumber: SENDER } });
  });

  it('answers 404 for an unknown campaign and 400 naming a bad field', async () => {
    await api.http.get('/api/v1/campaigns/6f1d2c3b-4a5e-4f70-8192-a3b4c5d6e7f8').expect(404);
    const refused = await api.http
      .post('/api/v1/campaigns')
      .send({ name: 'X', body: 'Y', senders: ['555'], recipients: [{ number: '+14155550100' }] })
      .expect(400);
    expect(JSON.stringify(refused.body.error.details)).toContain('senders');
  });
});
