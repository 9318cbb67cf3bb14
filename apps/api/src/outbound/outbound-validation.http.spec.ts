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

    expect(response.body.error).toMatchObject({ status: 400, code: 'VALIDATION_FAILED', message: 'The request has 8 invalid fields.', requestId: response.headers['x-request-id'] });
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
    const response = await api.http.post('/api/v1/outbound/message').send({ messageBody: 'y'.repeat(1601), toName: 'x'.repeat(257) }).expect(400);
    expect(details(response.body)).toEqual([
      'fromNumber: fromNumber must be a phone number in E.164 format, e.g. +15551234567',
      'messageBody: messageBody must be shorter than or equal to 1600 characters',
      'toName: toName must be shorter than or equal to 256 characters',
      'toNumber: toNumber must be a phone number in E.164 format, e.g. +15551234567',
    ]);
  });

  it('refuses texting the Twilio number itself', async () => {
    const response = await api.http.post('/api/v1/outbound/message').send({ fromNumber: TWILIO_NUMBER, toNumber: TWILIO_NUMBER, toName: 'Me', messageBody: 'Hi' }).expect(400);
    expect(details(response.body)).toEqual(['toNumber: toNumber must differ from fromNumber']);
  });

  it('refuses wrong types and a blank message', async () => {
    const response = await api.http.post('/api/v1/outbound/message').send({ fromNumber: 15550100001, toNumber: ['+14155550123'], toName: 7, messageBody: ' \n ' }).expect(400);
    expect(response.body.error.details.map((detail: FieldError) => detail.field).sort()).toEqual(['fromNumber', 'messageBody', 'toName', 'toName', 'toName', 'toNumber']);
  });

  it('answers malformed JSON in the one error shape', async () => {
    const response = await api.http.post('/api/v1/outbound/task').set('Content-Type', 'application/json').send('{"fromNumber": ').expect(400);
    expect(response.body.error.code).toBe('MALFORMED_BODY');
  });
});
