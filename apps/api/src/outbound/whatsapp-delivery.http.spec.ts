import { DEMO_CONVERSATIONS_NUMBER } from '@flex-sms/twilio-sandbox';
import { OutboundEvents } from '../events/outbound-events';
import { until } from '../testing/built-api';
import { OutboundTestApp, createOutboundTestApp } from './outbound.test-helpers';

const SENDER = DEMO_CONVERSATIONS_NUMBER;

/**
 * WhatsApp may refuse a message after Twilio accepted it: 63016 reported by the delivery callback (the Conversations
 * receipt), not by the create's answer. History must still say what happened and what to do.
 */
describe('a WhatsApp message Twilio accepts and then fails with 63016 (delivery callbacks on)', () => {
  let api: OutboundTestApp;

  beforeAll(async () => {
    api = await createOutboundTestApp({ deliveryCallbacks: true, env: { DELIVERY_RECONCILE_AFTER_MS: '0', DELIVERY_RECONCILE_EVERY_MS: '0' } });
  });
  afterAll(() => api.close());

  it('shows the failure in History, explained: outside the window, send an approved template', async () => {
    const customer = '+14155550871';
    // The API heard the customer write (so it lets free text through); WhatsApp's own window says otherwise.
    await api.app.get(OutboundEvents).publishInbound({
      from: `whatsapp:${customer}`,
      to: `whatsapp:${SENDER}`,
      body: 'Hi',
      channel: 'whatsapp',
      receivedAt: new Date(Date.now() - 60_000),
    });

    const { body: sent } = await api.http
      .post('/api/v1/outbound/message')
      .send({ fromNumber: SENDER, toNumber: customer, toName: 'Ada', channel: 'whatsapp', messageBody: 'Are you still there?' })
      .expect(201);

    const delivery = await until(async () => {
      const { body } = await api.http.get(`/api/v1/outbound/${sent.id}`).expect(200);
      return body.delivery?.status === 'failed' ? body.delivery : undefined;
    }, `the failed delivery of ${sent.id}`);
    expect(delivery).toMatchObject({
      status: 'failed',
      errorCode: 63016,
      explanation:
        'WhatsApp allows free-form messages only within 24 hours of the customer’s last message — send an approved template (contentSid) instead, or wait for the customer to write again.',
    });
    const { body: listed } = await api.http.get('/api/v1/outbound').query({ number: customer }).expect(200);
    expect(listed.items).toEqual([expect.objectContaining({ id: sent.id, delivery: expect.objectContaining({ errorCode: 63016 }) })]);
  });

  it('hears a customer who writes to the WhatsApp sender (the Conversations webhook, registered with no OUTBOUND_MODE): the window opens, free text goes', async () => {
    const customer = '+14155550872';
    const window = async () =>
      (
        await api.http
          .get(`/api/v1/senders/${encodeURIComponent(SENDER)}/window`)
          .query({ to: customer })
          .expect(200)
      ).body as { open: boolean };
    expect((await window()).open).toBe(false);

    await api.controls.sendInboundSms({ from: `whatsapp:${customer}`, to: `whatsapp:${SENDER}`, body: 'Can I move my appointment?' });

    await until(async () => ((await window()).open ? true : undefined), 'the window opened by the customer’s message');
    await api.http
      .post('/api/v1/outbound/message')
      .send({ fromNumber: SENDER, toNumber: customer, toName: 'Ada', channel: 'whatsapp', messageBody: 'Of course: Thursday at 10?' })
      .expect(201);
  });
});
