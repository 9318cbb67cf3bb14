import { DEMO_CONVERSATIONS_NUMBER } from '@flex-sms/twilio-sandbox';
import { createApiKey } from '../auth/auth.test-helpers';
import {
  OTHER_TWILIO_NUMBER,
  OutboundTestApp,
  TWILIO_NUMBER,
  createOutboundTestApp,
  customerWroteFirst,
  type OutboundVariant,
} from '../outbound/outbound.test-helpers';

const HOUR = 60 * 60 * 1000;
const WHATSAPP: OutboundVariant = { mode: 'conversations', channel: 'whatsapp', fromNumber: DEMO_CONVERSATIONS_NUMBER };
const as = (key: string) => ({ Authorization: `Bearer ${key}` });

describe('GET /api/v1/senders and /senders/{from}/window (no OUTBOUND_MODE: each number’s mode found from the account)', () => {
  let api: OutboundTestApp;

  beforeAll(async () => {
    api = await createOutboundTestApp();
  });
  afterAll(() => api.close());

  it('lists each sender with the mode a send from it takes, what was found for it, and its channels', async () => {
    const { body } = await api.http.get('/api/v1/senders').expect(200);

    expect(body.senders).toEqual([
      {
        number: TWILIO_NUMBER,
        mode: 'chat-proxy',
        source: 'flex-flow',
        reason: expect.stringMatching(
          /^Flex Flow FO\w{32} \(studio, enabled\) on Chat Service IS\w{32}, FO\w{32} \(task, disabled\).*: Programmable Chat \+ Proxy$/,
        ),
        channels: ['sms'],
      },
      expect.objectContaining({ number: OTHER_TWILIO_NUMBER, mode: 'chat-proxy', source: 'flex-flow', channels: ['sms'] }),
      {
        number: DEMO_CONVERSATIONS_NUMBER,
        mode: 'conversations',
        source: 'address-configuration',
        reason: expect.stringMatching(
          /^Conversations Address Configuration IG\w{32} \(sms, auto-creation to Studio flow FW\w{32}\), IG\w{32} \(whatsapp, /,
        ),
        channels: ['sms', 'whatsapp'],
      },
    ]);
  });

  it('reads the window the send is checked against: never wrote, wrote 3 h ago (free text goes), wrote 25 h ago (free text refused)', async () => {
    const customer = '+14155550861';
    const window = () =>
      api.http
        .get(`/api/v1/senders/${encodeURIComponent(DEMO_CONVERSATIONS_NUMBER)}/window`)
        .query({ to: customer })
        .expect(200);
    const freeText = () =>
      api.http
        .post('/api/v1/outbound/message')
        .send({ fromNumber: DEMO_CONVERSATIONS_NUMBER, toNumber: customer, toName: 'Ada', channel: 'whatsapp', messageBody: 'Hello again' });

    const never = (await window()).body;
    expect(never).toEqual({
      sender: `whatsapp:${DEMO_CONVERSATIONS_NUMBER}`,
      customer: `whatsapp:${customer}`,
      lastInboundAt: null,
      openUntil: null,
      open: false,
      checkedAt: expect.any(String),
    });
    expect((await freeText().expect(422)).body.error.code).toBe('WHATSAPP_TEMPLATE_REQUIRED');

    await customerWroteFirst(api, WHATSAPP, customer, 25 * HOUR);
    const closed = (await window()).body;
    expect(closed.open).toBe(false);
    expect(Date.parse(closed.openUntil) - Date.parse(closed.lastInboundAt)).toBe(24 * HOUR);
    expect((await freeText().expect(422)).body.error.context.lastInboundAt).toBe(closed.lastInboundAt);

    await customerWroteFirst(api, WHATSAPP, customer, 3 * HOUR);
    const open = (await window()).body;
    expect(open).toMatchObject({ open: true });
    expect(Date.parse(open.checkedAt) - Date.parse(open.lastInboundAt)).toBeGreaterThanOrEqual(3 * HOUR);
    expect(Date.parse(open.openUntil)).toBe(Date.parse(open.lastInboundAt) + 24 * HOUR);
    await freeText().expect(201);
  });

  it('refuses a window query that is not two E.164 numbers, naming the field', async () => {
    const { body } = await api.http
      .get(`/api/v1/senders/${encodeURIComponent(DEMO_CONVERSATIONS_NUMBER)}/window`)
      .query({ to: 'whatsapp:+1415' })
      .expect(400);
    expect(body.error).toMatchObject({ code: 'VALIDATION_FAILED', details: [expect.objectContaining({ field: 'to' })] });
    const missing = (await api.http.get(`/api/v1/senders/${encodeURIComponent(DEMO_CONVERSATIONS_NUMBER)}/window`).expect(400)).body;
    expect(missing.error.details).toEqual([expect.objectContaining({ field: 'to' }), expect.objectContaining({ field: 'to' })]);
    const badSender = (await api.http.get('/api/v1/senders/12345/window').query({ to: '+14155550861' }).expect(400)).body;
    expect(badSender.error.details).toEqual([expect.objectContaining({ field: 'from', message: expect.stringContaining('E.164') })]);
  });

  it('shows a key restricted to sender numbers only its own, and no other number’s window', async () => {
    const restricted = await createApiKey(api, 'operator', { allowedFromNumbers: [DEMO_CONVERSATIONS_NUMBER] });

    const { body } = await api.anonymous.get('/api/v1/senders').set(as(restricted.key)).expect(200);
    expect(body.senders.map((sender: { number: string }) => sender.number)).toEqual([DEMO_CONVERSATIONS_NUMBER]);
    await api.anonymous
      .get(`/api/v1/senders/${encodeURIComponent(DEMO_CONVERSATIONS_NUMBER)}/window`)
      .query({ to: '+14155550862' })
      .set(as(restricted.key))
      .expect(200);
    const other = await api.anonymous
      .get(`/api/v1/senders/${encodeURIComponent(TWILIO_NUMBER)}/window`)
      .query({ to: '+14155550862' })
      .set(as(restricted.key))
      .expect(403);
    expect(other.body.error.code).toBe('FROM_NUMBER_NOT_ALLOWED');
  });
});

describe('GET /api/v1/senders with OUTBOUND_MODE=conversations', () => {
  let api: OutboundTestApp;

  beforeAll(async () => {
    api = await createOutboundTestApp({ env: { OUTBOUND_MODE: 'conversations' } });
  });
  afterAll(() => api.close());

  it('names the setting as the reason, and each number’s channels from its Address Configurations', async () => {
    const { body } = await api.http.get('/api/v1/senders').expect(200);
    expect(body.senders).toEqual([
      { number: TWILIO_NUMBER, mode: 'conversations', source: 'OUTBOUND_MODE', reason: 'OUTBOUND_MODE=conversations', channels: ['sms'] },
      { number: OTHER_TWILIO_NUMBER, mode: 'conversations', source: 'OUTBOUND_MODE', reason: 'OUTBOUND_MODE=conversations', channels: ['sms'] },
      {
        number: DEMO_CONVERSATIONS_NUMBER,
        mode: 'conversations',
        source: 'OUTBOUND_MODE',
        reason: 'OUTBOUND_MODE=conversations',
        channels: ['sms', 'whatsapp'],
      },
    ]);
  });
});
