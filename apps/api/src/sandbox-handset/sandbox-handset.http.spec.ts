import { EMBEDDED_SANDBOX_ENV, TestApp, createTestApp } from '../testing/test-app';

const CUSTOMER = '+14155550123';

describe('Sandbox handset (API on its embedded sandbox)', () => {
  let api: TestApp;
  let accountNumbers: string[];
  beforeAll(async () => {
    api = await createTestApp({ env: EMBEDDED_SANDBOX_ENV, logger: false });
    expect(api.account.mode).toBe('sandbox');
    accountNumbers = (await api.http.get('/api/v1/sandbox/handset').expect(200)).body.accountNumbers;
  });
  afterAll(() => api?.close());

  it('lists the account numbers and WhatsApp senders a customer can write to, and no handset before any message', async () => {
    const { body } = await api.http.get('/api/v1/sandbox/handset').expect(200);
    expect(body).toEqual({
      accountNumbers: ['+15550100001', '+15550100002', '+15550100003'],
      whatsappSenders: ['whatsapp:+15550100003'],
      handsets: [],
    });
  });

  it('shows a fire-and-forget SMS on the customer’s phone, and relays their reply into the Flex channel', async () => {
    const from = accountNumbers[1];
    const sent = await api.http
      .post('/api/v1/outbound/message')
      .send({ fromNumber: from, toName: 'Ada Lovelace', toNumber: CUSTOMER, messageBody: 'Your order #1042 has shipped.' })
      .expect(201);

    const thread = await api.http.get(`/api/v1/sandbox/handset/${encodeURIComponent(CUSTOMER)}`).expect(200);
    expect(thread.body).toEqual({
      number: CUSTOMER,
      messages: [
        expect.objectContaining({
          direction: 'received',
          channel: 'sms',
          from,
          to: CUSTOMER,
          body: 'Your order #1042 has shipped.',
          sid: expect.stringMatching(/^SM/),
        }),
      ],
    });
    const list = await api.http.get('/api/v1/sandbox/handset').expect(200);
    expect(list.body.handsets).toEqual([{ number: CUSTOMER, messages: 1, received: 1, sent: 0, optedOutOf: [] }]);

    const reply = await api.http
      .post(`/api/v1/sandbox/handset/${encodeURIComponent(CUSTOMER)}/replies`)
      .send({ to: from, body: 'Thanks! When will it arrive?' })
      .expect(201);
    expect(reply.body).toMatchObject({
      route: 'proxy-session',
      sessionSid: sent.body.proxySession.sid,
      channelSid: sent.body.channel.sid,
      messageSid: expect.stringMatching(/^SM/),
    });

    const after = await api.http.get(`/api/v1/sandbox/handset/${encodeURIComponent(CUSTOMER)}`).expect(200);
    expect(after.body.messages.map((message: { direction: string; body: string }) => [message.direction, message.body])).toEqual([
      ['received', 'Your order #1042 has shipped.'],
      ['sent', 'Thanks! When will it arrive?'],
    ]);
    const channel = await api.http.get(`/api/v1/channels/${sent.body.channel.sid}`).expect(200);
    expect(channel.body.messages.map((message: { body: string }) => message.body)).toContain('Thanks! When will it arrive?');
  });

  it('writes back over WhatsApp to the account’s WhatsApp sender: a Conversation takes it, and the thread shows the channel', async () => {
    const customer = '+14155550124';
    const reply = await api.http
      .post(`/api/v1/sandbox/handset/${encodeURIComponent(customer)}/replies`)
      .send({ to: 'whatsapp:+15550100003', body: 'Hello, is my order ready?' })
      .expect(201);
    expect(reply.body).toMatchObject({ route: 'address-configuration', conversationSid: expect.stringMatching(/^CH/) });
    const thread = await api.http.get(`/api/v1/sandbox/handset/${encodeURIComponent(customer)}`).expect(200);
    expect(thread.body.messages).toEqual([
      expect.objectContaining({
        direction: 'sent',
        channel: 'whatsapp',
        from: `whatsapp:${customer}`,
        to: 'whatsapp:+15550100003',
        body: 'Hello, is my order ready?',
        status: 'received',
      }),
    ]);
  });

  it('refuses a reply to a number that is not the account’s, naming the field', async () => {
    const response = await api.http
      .post(`/api/v1/sandbox/handset/${encodeURIComponent(CUSTOMER)}/replies`)
      .send({ to: '+15550109999', body: 'Hello?' })
      .expect(400);
    expect(response.body.error).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: [{ field: 'to', message: expect.stringContaining('+15550100001, +15550100002') }],
    });
  });

  it('refuses an account number posing as the customer, a number not in E.164 and a blank body', async () => {
    await api.http
      .post(`/api/v1/sandbox/handset/${encodeURIComponent(accountNumbers[0])}/replies`)
      .send({ to: accountNumbers[1], body: 'Hi' })
      .expect(400);
    const national = await api.http.post('/api/v1/sandbox/handset/4155550123/replies').send({ to: accountNumbers[0], body: 'Hi' }).expect(400);
    expect(national.body.error.details).toEqual([{ field: 'number', message: expect.stringContaining('E.164') }]);
    const blank = await api.http
      .post(`/api/v1/sandbox/handset/${encodeURIComponent(CUSTOMER)}/replies`)
      .send({ to: accountNumbers[0], body: '   ' })
      .expect(400);
    expect(blank.body.error.details).toEqual([{ field: 'body', message: 'body must not be blank' }]);
  });

  it('needs the API key like every other route', async () => {
    await api.anonymous.get('/api/v1/sandbox/handset').expect(401);
  });
});

describe('Sandbox handset (API on a Twilio account)', () => {
  let api: TestApp;
  beforeAll(async () => {
    api = await createTestApp({ logger: false });
  });
  afterAll(() => api?.close());

  it('does not exist: nothing may pose as a customer on a real account', async () => {
    expect(api.account.mode).toBe('twilio');
    const response = await api.http.get('/api/v1/sandbox/handset').expect(404);
    expect(response.body.error).toMatchObject({ status: 404 });
    await api.http
      .post(`/api/v1/sandbox/handset/${encodeURIComponent(CUSTOMER)}/replies`)
      .send({ to: '+15550100001', body: 'Hi' })
      .expect(404);
  });
});
