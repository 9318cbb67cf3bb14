import type { InboundMessage, Journal, StepRecord } from '@flex-sms/domain';
import type { LoggedCallback } from '@flex-sms/twilio-sandbox';
import { randomBytes } from 'node:crypto';
import twilio from 'twilio';
import { OutboundEvents, type OutboundEvent } from '../events/outbound-events';
import { OUTBOUND_MODES, OutboundTestApp, TWILIO_NUMBER, createOutboundTestApp, type OutboundModeName } from '../outbound/outbound.test-helpers';
import { until } from '../testing/built-api';
import { JOURNAL } from '../journal/journal.module';
import { SqlJournal } from '../journal/sql-journal';
import { TEST_DATABASE_URL, createTestSchema } from '../testing/test-databases';
import { DeliveryCallbacks } from './delivery-callbacks';
import { DeliveryReconciliation } from './delivery-reconciliation';
import { PublicUrl, TWILIO_WEBHOOK_PATHS } from './public-url';

/** Each test texts its own customer; the sandbox is never reset (it would forget the registered callbacks). */
let customerSequence = 0;
const nextCustomer = () => `+1415556${String(++customerSequence).padStart(4, '0')}`;

interface Delivery {
  status: string;
  errorCode: number | null;
  errorMessage: string | null;
  explanation: string | null;
  updatedAt: string;
  history?: { status: string; source: string }[];
}

/** The database runs: the embedded SQLite always, PostgreSQL when TEST_DATABASE_URL is set. */
const DATABASES = [{ name: 'SQLite', postgres: false }, ...(TEST_DATABASE_URL ? [{ name: 'PostgreSQL', postgres: true }] : [])];

describe.each(DATABASES.flatMap((database) => OUTBOUND_MODES.map((mode) => [mode, database.name, database.postgres] as const)))(
  'delivery status over HTTP (OUTBOUND_MODE=%s, %s)',
  (mode: OutboundModeName, _database: string, postgres: boolean) => {
    let api: OutboundTestApp;
    let dropSchema: (() => Promise<void>) | undefined;
    const outboundEvents: OutboundEvent[] = [];
    const inbound: InboundMessage[] = [];
    /** Set by a test: the next delivery event with this status makes the observer throw once. */
    let failOnceOn: string | undefined;

    beforeAll(async () => {
      const schema = postgres ? await createTestSchema(TEST_DATABASE_URL as string) : undefined;
      dropSchema = schema?.drop;
      api = await createOutboundTestApp({
        deliveryCallbacks: true,
        env: {
          OUTBOUND_MODE: mode,
          DELIVERY_RECONCILE_AFTER_MS: '0',
          DELIVERY_RECONCILE_EVERY_MS: '0',
          ...(schema ? { DATABASE_URL: schema.url } : {}),
        },
      });
      const events = api.app.get(OutboundEvents);
      events.onOutbound({
        onOutboundEvent: async (event) => {
          if (event.kind === 'delivery' && event.status === failOnceOn) {
            failOnceOn = undefined;
            throw new Error('the observer is down');
          }
          outboundEvents.push(event);
        },
      });
      events.onInbound({ onInboundMessage: async (message) => void inbound.push(message) });
    });
    afterAll(async () => {
      await api?.close();
      await dropSchema?.();
    });

    const send = async (customer: string) =>
      (
        await api.http
          .post('/api/v1/outbound/message')
          .send({ fromNumber: TWILIO_NUMBER, toNumber: customer, toName: 'Ada Lovelace', messageBody: 'Your order shipped.' })
          .expect(201)
      ).body as { id: string; message: { sid: string } };
    const deliveryOf = async (id: string) => (await api.http.get(`/api/v1/outbound/${id}`).expect(200)).body.delivery as Delivery;
    const deliveredAs = (id: string, status: string) =>
      until(async () => ((await deliveryOf(id)).status === status ? deliveryOf(id) : undefined), `delivery ${status} of ${id}`);
    const listed = async (query: Record<string, string>) =>
      (await api.http.get('/api/v1/outbound').query(query).expect(200)).body.items as { id: string; delivery: Delivery | null }[];
    /** What the sandbox reported about this message, oldest first (Conversations names it MessageSid, Proxy inboundResourceSid). */
    const callbacksAbout = async (messageSid: string): Promise<LoggedCallback[]> =>
      (await api.controls.callbacks()).filter(
        (callback) => callback.params?.MessageSid === messageSid || callback.params?.inboundResourceSid === messageSid,
      );
    const statusOf = (callback: LoggedCallback) => callback.params?.Status ?? callback.params?.outboundResourceStatus;
    /** Sends a callback again as Twilio would: to the URL it called, signed with the account's auth token. */
    const replay = (
      callback: Pick<LoggedCallback, 'url' | 'params'>,
      signature = twilio.getExpectedTwilioSignature(api.sandbox.account.authToken, callback.url, callback.params ?? {}),
    ) =>
      api.anonymous
        .post(new URL(callback.url).pathname)
        .type('form')
        .set('X-Twilio-Signature', signature)
        .send(callback.params ?? {});

    it('registers its webhook route with Twilio, with connection overrides that ask for 5xx to be retried', async () => {
      const registrations = await api.app.get(DeliveryCallbacks).register();
      const route = mode === 'conversations' ? TWILIO_WEBHOOK_PATHS.conversations : TWILIO_WEBHOOK_PATHS.proxy;
      expect(registrations).toEqual([
        {
          target: mode === 'conversations' ? 'conversation-service' : 'proxy-service',
          outcome: 'already-registered',
          url: `${api.url}/api/v1/${route}#rc=3&rp=5xx,ct,rt`,
        },
      ]);
      const ready = await api.anonymous.get('/health/ready').expect(200);
      expect(ready.body.checks.twilio.delivery).toEqual({ callbacks: 'on' });
    });

    it('follows a message queued → sent → delivered, keeps the history, counts it and tells the observers', async () => {
      const sent = await send(nextCustomer());
      expect((await deliveryOf(sent.id)).status).toMatch(/^(accepted|queued|sent)$/);

      const delivery = await deliveredAs(sent.id, 'delivered');
      expect(delivery).toMatchObject({ status: 'delivered', errorCode: null, explanation: null });
      const heard = delivery.history!.map((event) => event.status);
      // Proxy's `queued` can come before the send has journaled its message: it is held and recorded when the send is.
      expect(heard).toEqual(mode === 'conversations' ? ['sent', 'delivered'] : ['queued', 'sent', 'delivered']);
      expect(delivery.history!.every((event) => event.source === 'callback')).toBe(true);

      expect((await listed({ delivery: 'delivered' })).map((item) => item.id)).toContain(sent.id);
      expect((await listed({ delivery: 'undelivered' })).map((item) => item.id)).not.toContain(sent.id);
      expect((await listed({})).find((item) => item.id === sent.id)?.delivery).toMatchObject({ status: 'delivered' });
      expect(outboundEvents).toContainEqual(
        expect.objectContaining({ kind: 'delivery', requestId: sent.id, messageSid: sent.message.sid, status: 'delivered' }),
      );
      const metrics = (await api.http.get('/metrics').expect(200)).text;
      expect(metrics).toMatch(/flex_sms_delivery_status_total\{status="delivered"\} [1-9]/);
    });

    it('refuses the history filter for a status that does not exist', async () => {
      const response = await api.http.get('/api/v1/outbound').query({ delivery: 'lost' }).expect(400);
      expect(response.body.error.details).toEqual([expect.objectContaining({ field: 'delivery' })]);
    });

    it('records a carrier-filtered message as undelivered (30007) with what it means and what to do', async () => {
      const customer = nextCustomer();
      await api.controls.setHandsetFate(customer, { outcome: 'carrier-filtered' });
      const sent = await send(customer);

      const delivery = await deliveredAs(sent.id, 'undelivered');
      expect(delivery).toMatchObject({
        status: 'undelivered',
        errorCode: 30007,
        explanation: expect.stringContaining('the carrier filtered it as spam'),
      });
      expect((await listed({ delivery: 'undelivered' })).map((item) => item.id)).toContain(sent.id);
    });

    it('stays put for a redelivered callback and for one that arrives after a later status', async () => {
      const sent = await send(nextCustomer());
      await deliveredAs(sent.id, 'delivered');
      const callbacks = await until(async () => {
        const found = await callbacksAbout(sent.message.sid);
        return found.some((callback) => statusOf(callback) === 'delivered' && callback.outcome === 'delivered') ? found : undefined;
      }, 'the delivered callback');
      const sentCallback = callbacks.find((callback) => statusOf(callback) === 'sent')!;
      const deliveredCallback = callbacks.find((callback) => statusOf(callback) === 'delivered')!;

      await replay(sentCallback).expect(204);
      await replay(deliveredCallback).expect(204);

      const delivery = await deliveryOf(sent.id);
      expect(delivery.status).toBe('delivered');
      expect(delivery.history!.filter((event) => event.status === 'delivered')).toHaveLength(1);
    });

    it('refuses a callback with a missing or wrong signature (403) and records nothing', async () => {
      const sent = await send(nextCustomer());
      await deliveredAs(sent.id, 'delivered');
      const [callback] = (await callbacksAbout(sent.message.sid)).filter((candidate) => statusOf(candidate) === 'delivered');
      const forged = Object.fromEntries(
        Object.entries(callback.params ?? {}).map(([name, value]) => [name, value === 'delivered' ? 'undelivered' : value]),
      );
      const before = await deliveryOf(sent.id);

      const wrongToken = twilio.getExpectedTwilioSignature('not-the-auth-token', callback.url, forged);
      const signedOriginal = twilio.getExpectedTwilioSignature(api.sandbox.account.authToken, callback.url, callback.params ?? {});
      for (const signature of [wrongToken, signedOriginal]) {
        const response = await api.anonymous
          .post(new URL(callback.url).pathname)
          .type('form')
          .set('X-Twilio-Signature', signature)
          .send(forged)
          .expect(403);
        expect(response.body.error.code).toBe('INVALID_TWILIO_SIGNATURE');
      }
      await api.anonymous.post(new URL(callback.url).pathname).type('form').send(forged).expect(403);

      expect(await deliveryOf(sent.id)).toEqual(before);
    });

    it('answers 500 when an observer fails, so Twilio sends the callback again and the observer hears it', async () => {
      const customer = nextCustomer();
      failOnceOn = 'delivered';
      const sent = await send(customer);
      await deliveredAs(sent.id, 'delivered');
      await until(
        async () =>
          outboundEvents.some((event) => event.kind === 'delivery' && event.requestId === sent.id && event.status === 'delivered') ? true : undefined,
        'the retried delivery event',
      );
      const [callback] = (await callbacksAbout(sent.message.sid)).filter((candidate) => statusOf(candidate) === 'delivered');
      expect(callback.attempts.map((attempt) => attempt.status)).toEqual([500, 204]);
    });

    it('settles a send whose callbacks never came by reading the message back from Twilio (reconciliation)', async () => {
      const { proxyServiceSid, chatServiceSid } = api.sandbox.account;
      // Nobody tells the API: the registration is taken away (as a lost callback would), the message still goes out.
      if (mode === 'conversations')
        await api.twilio.conversations.v1.services(chatServiceSid).configuration.webhooks().update({ postWebhookUrl: '' });
      else await api.twilio.proxy.v1.services(proxyServiceSid).update({ callbackUrl: '' });
      try {
        const customer = nextCustomer();
        await api.controls.setHandsetFate(customer, { outcome: 'undelivered', errorCode: 30003 });
        const sent = await send(customer);
        await until(async () => {
          const [sms] = await api.twilio.messages.list({ to: customer, limit: 1 });
          return sms?.status === 'undelivered' ? sms : undefined;
        }, 'the SMS to fail in the sandbox');
        expect((await deliveryOf(sent.id)).status).toBe('accepted');

        const run = await api.app.get(DeliveryReconciliation).runOnce();
        expect(run).toMatchObject({ ran: true, failed: 0 });
        expect(run.settled).toBeGreaterThanOrEqual(1);

        const delivery = await deliveryOf(sent.id);
        expect(delivery).toMatchObject({ status: 'undelivered', errorCode: 30003, explanation: expect.stringContaining('phone is off') });
        expect(delivery.history).toEqual([expect.objectContaining({ status: 'undelivered', source: 'reconciliation' })]);
        // Settled: the next run leaves it alone.
        expect((await api.app.get(DeliveryReconciliation).runOnce()).settled).toBe(0);
      } finally {
        await api.app.get(DeliveryCallbacks).register();
      }
    });

    it('follows a send made through the Messages API by its StatusCallback', async () => {
      const customer = nextCustomer();
      await api.controls.setHandsetFate(customer, { outcome: 'undelivered', errorCode: 30005 });
      // Journaled as a Messages API send is: the request's message is the API 2010 Message itself.
      const journal = new SqlJournal(api.db);
      const started = new Date();
      const requestId = await journal.begin(
        {
          kind: 'system_sms',
          caller: 'bootstrap',
          fromNumber: TWILIO_NUMBER,
          toNumber: customer,
          toName: 'Ada',
          channel: 'sms',
          body: 'Hi',
          idempotencyKey: null,
          input: {},
        },
        started,
      );
      const statusCallback = api.app.get(PublicUrl).webhookUrl('messages') as string;
      expect(statusCallback).toBe(`${api.url}/api/v1/webhooks/twilio/messages#rc=3&rp=5xx,ct,rt`);
      const sms = await api.twilio.messages.create({ from: TWILIO_NUMBER, to: customer, body: 'Hi', statusCallback });
      await journal.recordStep(requestId, {
        name: 'message',
        outcome: 'created',
        sids: { messageSid: sms.sid },
        startedAt: started,
        finishedAt: new Date(),
      });
      await journal.finish(requestId, { status: 'succeeded', finishedAt: new Date(), result: { mode, message: { sid: sms.sid } } });

      const delivery = await deliveredAs(requestId, 'undelivered');
      expect(delivery).toMatchObject({ errorCode: 30005, explanation: expect.stringContaining('does not exist') });
    });

    /** A request journaled as a Messages API send is, up to the message it is about to record. */
    const beginMessagesApiSend = async (journal: Journal, customer: string) =>
      journal.begin(
        {
          kind: 'system_sms',
          caller: 'bootstrap',
          fromNumber: TWILIO_NUMBER,
          toNumber: customer,
          toName: 'Ada',
          channel: 'sms',
          body: 'Hi',
          idempotencyKey: null,
          input: {},
        },
        new Date(),
      );
    const messageStep = (messageSid: string): StepRecord => ({
      name: 'message',
      outcome: 'created',
      sids: { messageSid },
      startedAt: new Date(),
      finishedAt: new Date(),
    });
    /** Twilio's StatusCallback about `messageSid`, to the API's route, signed as Twilio signs it. */
    const statusCallback = (messageSid: string, status: string, errorCode?: string) =>
      replay({
        url: (api.app.get(PublicUrl).webhookUrl('messages') as string).split('#')[0],
        params: { MessageSid: messageSid, MessageStatus: status, ...(errorCode ? { ErrorCode: errorCode } : {}) },
      });
    const newSmsSid = () => `SM${randomBytes(16).toString('hex')}`;

    it('keeps the callbacks that come before the send journaled its message and records them when the send is', async () => {
      const journal = api.app.get<Journal>(JOURNAL);
      const requestId = await beginMessagesApiSend(journal, nextCustomer());
      const smsSid = newSmsSid();
      // Twilio has queued and sent the SMS; the send has not written its message step yet.
      await statusCallback(smsSid, 'queued').expect(204);
      await statusCallback(smsSid, 'sent').expect(204);
      await statusCallback(smsSid, 'sent').expect(204);
      expect((await deliveryOf(requestId)) ?? null).toBeNull();

      await journal.finish(
        requestId,
        { status: 'succeeded', finishedAt: new Date(), result: { mode, message: { sid: smsSid } } },
        { steps: [messageStep(smsSid)] },
      );

      const delivery = await deliveryOf(requestId);
      expect(delivery).toMatchObject({ status: 'sent' });
      expect(delivery.history).toEqual([
        expect.objectContaining({ status: 'queued', source: 'callback' }),
        expect.objectContaining({ status: 'sent', source: 'callback' }),
      ]);
      expect(outboundEvents).toContainEqual(expect.objectContaining({ kind: 'delivery', requestId, messageSid: smsSid, status: 'sent' }));
      // Later callbacks go on from there, and a repeat of a held one changes nothing.
      await statusCallback(smsSid, 'delivered').expect(204);
      await statusCallback(smsSid, 'queued').expect(204);
      expect((await deliveryOf(requestId)).history!.map((event) => event.status)).toEqual(['queued', 'sent', 'delivered']);
      expect((await deliveryOf(requestId)).status).toBe('delivered');
    });

    it('records a held callback at the next reconciliation when the send journaled its message but did not apply it', async () => {
      // The journal without its publishing: as a process that died right after writing the send's outcome.
      const journal = new SqlJournal(api.db);
      const requestId = await beginMessagesApiSend(journal, nextCustomer());
      const smsSid = newSmsSid();
      await statusCallback(smsSid, 'undelivered', '30003').expect(204);
      await journal.finish(
        requestId,
        { status: 'succeeded', finishedAt: new Date(), result: { mode, message: { sid: smsSid } } },
        { steps: [messageStep(smsSid)] },
      );
      expect(await deliveryOf(requestId)).toMatchObject({ status: 'accepted', history: [] });

      const run = await api.app.get(DeliveryReconciliation).runOnce();
      expect(run.held).toBeGreaterThanOrEqual(1);
      expect(await deliveryOf(requestId)).toMatchObject({
        status: 'undelivered',
        errorCode: 30003,
        history: [expect.objectContaining({ source: 'callback' })],
      });
    });

    it("publishes a customer's reply as an inbound message", async () => {
      const customer = nextCustomer();
      await send(customer);
      await api.controls.sendInboundSms({ from: customer, to: TWILIO_NUMBER, body: 'Thanks, see you Monday' });
      const message = await until(async () => inbound.find((candidate) => candidate.from === customer), 'the inbound message');
      expect(message).toMatchObject({ from: customer, to: TWILIO_NUMBER, body: 'Thanks, see you Monday', channel: 'sms' });
    });
  },
);
