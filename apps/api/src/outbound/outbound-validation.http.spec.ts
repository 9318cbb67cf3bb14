import { OutboundTestApp, TWILIO_NUMBER, createOutboundTestApp } from './outbound.test-helpers';

type FieldError = { field: string; message: string };

describe('outbound request validation (400 VALIDATION_FAILED, every field at once, nothing sent to Twilio)', () => {
  let api: OutboundTestApp;

  beforeAll(async () => {
    api = await createOutboundTestApp();
  });
  afterAll(() => api.close());
  beforeEach(() => api.controls.clearRequests());
  afterEach(async () => expect((await api.controls.requests()).total).toBe(0));

  const details = (body: { error: { details: FieldError[] } }) => body.error.details.map((detail) => `${detail.field}: ${detail.message}`).sort();

  it('reports every invalid field of a task request', async () => {
    const response = await api.http
      .post('/api/v1/outbound/task')
      .send({
        fromNumber: '5550100001',
        toName: '   ',
        toNumber: '+1 415 555 0123',
        sourceChatChannelSid: `WK${'a'.repeat(32)}`,
        targetWorkerSid: `CH${'a'.repeat(32)}`,
        initialMessage: 'x'.repeat(1601),
        taskAttributes: 'crm=17',
        priority: 'high',
      })
      .expect(400);

    expect(response.body.error).toMatchObject({
      status: 400,
      code: 'VALIDATION_FAILED',
      message: 'The request has 8 invalid fields.',
      requestId: response.headers['x-request-id'],
    });
    expect(details(response.body)).toEqual([
      'fromNumber: fromNumber must be a phone number in E.164 format, e.g. +15551234567',
      'initialMessage: initialMessage must be shorter than or equal to 1600 characters',
      'priority: property priority should not exist',
      'sourceChatChannelSid: sourceChatChannelSid must be a Twilio SID starting with CH followed by 32 hex digits',
      'targetWorkerSid: targetWorkerSid must be a Twilio SID starting with WK followed by 32 hex digits',
      'taskAttributes: taskAttributes must be an object',
      'toName: toName must not be blank',
      'toNumber: toNumber must be a phone number in E.164 format, e.g. +15551234567',
    ]);
  });

  it('reports missing fields and a message over 1600 characters', async () => {
    const response = await api.http
      .post('/api/v1/outbound/message')
      .send({ messageBody: 'y'.repeat(1601), toName: 'x'.repeat(257) })
      .expect(400);
    expect(details(response.body)).toEqual([
      'fromNumber: fromNumber must be a phone number in E.164 format, e.g. +15551234567',
      'messageBody: messageBody must be shorter than or equal to 1600 characters',
      'toName: toName must be shorter than or equal to 256 characters',
      'toNumber: toNumber must be a phone number in E.164 format, e.g. +15551234567',
    ]);
  });

  it('refuses texting the Twilio number itself', async () => {
    const response = await api.http
      .post('/api/v1/outbound/message')
      .send({ fromNumber: TWILIO_NUMBER, toNumber: TWILIO_NUMBER, toName: 'Me', messageBody: 'Hi' })
      .expect(400);
    expect(details(response.body)).toEqual(['toNumber: toNumber must differ from fromNumber']);
  });

  it('refuses wrong types and a blank message', async () => {
    const response = await api.http
      .post('/api/v1/outbound/message')
      .send({ fromNumber: 15550100001, toNumber: ['+14155550123'], toName: 7, messageBody: ' \n ' })
      .expect(400);
    expect(response.body.error.details.map((detail: FieldError) => detail.field).sort()).toEqual([
      'fromNumber',
      'messageBody',
      'toName',
      'toName',
      'toName',
      'toNumber',
    ]);
  });

  it('answers malformed JSON in the one error shape', async () => {
    const response = await api.http.post('/api/v1/outbound/task').set('Content-Type', 'application/json').send('{"fromNumber": ').expect(400);
    expect(response.body.error.code).toBe('MALFORMED_BODY');
  });
});

describe('control characters in a request (400 naming the field, before the database or Twilio sees them)', () => {
  let api: OutboundTestApp;

  beforeAll(async () => {
    api = await createOutboundTestApp();
  });
  afterAll(() => api.close());
  beforeEach(() => api.controls.clearRequests());
  afterEach(async () => expect((await api.controls.requests()).total).toBe(0));

  const send = { fromNumber: TWILIO_NUMBER, toNumber: '+14155550123', toName: 'Ada' };
  const fieldsOf = (body: { error: { code: string; details: FieldError[] } }) => ({
    code: body.error.code,
    fields: body.error.details.map((detail) => detail.field).sort(),
  });

  it('refuses NUL in a JSON message body, naming the field', async () => {
    const response = await api.http
      .post('/api/v1/outbound/message')
      .send({ ...send, messageBody: 'Hi\u0000' })
      .expect(400);
    expect(response.body.error.details).toEqual([
      {
        field: 'messageBody',
        message: 'messageBody must not contain control characters (of the control characters, only tab, CR and LF are allowed)',
      },
    ]);
  });

  it('refuses other C0 controls anywhere, nested values included, and reports them with the other invalid fields', async () => {
    const response = await api.http
      .post('/api/v1/outbound/task')
      .send({ ...send, toName: 'Ada\u001b[2J', toNumber: 'not a number', initialMessage: 'Hi', taskAttributes: { crm: { id: 'A-17\u0007' } } })
      .expect(400);
    expect(fieldsOf(response.body)).toEqual({ code: 'VALIDATION_FAILED', fields: ['taskAttributes.crm.id', 'toName', 'toNumber'] });
  });

  it('refuses them in the original Functions’ form-encoded bodies too', async () => {
    const response = await api.http
      .post('/flex-initiate-outbound-sms')
      .type('form')
      .send(`fromNumber=${encodeURIComponent(TWILIO_NUMBER)}&toNumber=%2B14155550123&toName=Ada&messageBody=Hi%00there`)
      .expect(400);
    expect(fieldsOf(response.body)).toEqual({ code: 'VALIDATION_FAILED', fields: ['messageBody'] });
  });

  it('answers 400, not 500, to an unknown property named with NUL, also under an Idempotency-Key (whose answer is stored)', async () => {
    const body = { ...send, messageBody: 'Hi', 'x\u0000': 1 };
    for (let attempt = 0; attempt < 2; attempt++) {
      const response = await api.http.post('/api/v1/outbound/message').set('Idempotency-Key', 'control-characters-1').send(body).expect(400);
      expect(response.body.error.details).toEqual([
        { field: 'x\\u0000', message: 'property x\\u0000 should not exist' },
        { field: 'body', message: 'body must not have keys with control characters (of the control characters, only tab, CR and LF are allowed)' },
      ]);
    }
  });

  it('refuses them in path and query parameters', async () => {
    const byId = await api.http.get('/api/v1/outbound/req_%00').expect(400);
    expect(fieldsOf(byId.body)).toEqual({ code: 'VALIDATION_FAILED', fields: ['id'] });
    const filtered = await api.http.get('/api/v1/outbound?number=%00').expect(400);
    expect(fieldsOf(filtered.body).fields).toContain('number');
  });
});
