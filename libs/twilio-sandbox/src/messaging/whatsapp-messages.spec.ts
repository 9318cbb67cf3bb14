import type { ContentCreateRequest } from 'twilio/lib/rest/content/v1/content';
import { eventually, startCallbackReceiver, type CallbackReceiver } from '../testing/callback-receiver';
import { startSandboxFixture, twilioErrorOf, type SandboxFixture } from '../testing/sandbox-fixture';

const PHONE = '+15557771201';
const CUSTOMER = `whatsapp:${PHONE}`;
const HOUR = 3_600_000;

/**
 * WhatsApp over Programmable Messaging (API 2010 Messages), through the official SDK: Content templates sent with
 * their variables, the 24-hour customer service window (free text outside it fails with 63016 on the StatusCallback),
 * the handset that shows what arrived and writes back, and the refusals at create.
 */
describe('WhatsApp messages and Content templates through the official SDK', () => {
  let fx: SandboxFixture;
  let receiver: CallbackReceiver;
  let run = 0;
  let sender: string;

  beforeAll(async () => {
    fx = await startSandboxFixture({ deliveryStepMs: 0 });
    receiver = await startCallbackReceiver();
    sender = fx.account.whatsappSenders[0];
  });
  afterAll(async () => {
    await fx.sandbox.close();
    await receiver.close();
  });
  beforeEach(async () => {
    await fx.controls.reset();
    run++;
  });

  /** The message's status callbacks once it reached a final status. */
  const finalCallbacks = (messageSid: string) =>
    eventually(() => {
      const received = receiver.at(`/status-${run}`).filter((callback) => callback.params.MessageSid === messageSid);
      return ['delivered', 'undelivered', 'failed'].includes(received.at(-1)?.params.MessageStatus ?? '') ? received : undefined;
    }, `the final status callback of ${messageSid}`);

  const send = (params: { body?: string; contentSid?: string; contentVariables?: string; to?: string }) =>
    fx.twilio.messages.create({ from: sender, to: params.to ?? CUSTOMER, statusCallback: `${receiver.url}/status-${run}`, ...params });

  const inWindowSince = (hoursAgo: number) =>
    fx.controls.setWhatsAppWindow(PHONE, { sender, lastCustomerMessageAt: new Date(Date.now() - hoursAgo * HOUR).toISOString() });

  it('sends an approved template outside the window, its variables filled in, and the handset shows it', async () => {
    const created = await send({
      contentSid: fx.account.contentTemplates.appointmentReminder,
      contentVariables: JSON.stringify({ 1: 'Ada', 2: 'Thursday at 3 PM' }),
    });
    const text = 'Hello Ada, this is a reminder of your appointment on Thursday at 3 PM. Reply here if you need to change it.';
    expect(created).toMatchObject({ status: 'queued', from: sender, to: CUSTOMER, body: text });
    expect((await finalCallbacks(created.sid)).map((callback) => callback.params.MessageStatus)).toEqual(['queued', 'sent', 'delivered']);
    expect(await fx.controls.handsetThread(PHONE)).toEqual([
      expect.objectContaining({ sid: created.sid, channel: 'whatsapp', direction: 'received', body: text, status: 'delivered' }),
    ]);
    expect(await fx.controls.handsets()).toEqual([expect.objectContaining({ number: PHONE, received: 1 })]);
  });

  it('shows a quick-reply template with its buttons; a variable left out takes the template’s default', async () => {
    const created = await send({ contentSid: fx.account.contentTemplates.appointmentConfirmation, contentVariables: JSON.stringify({ 1: 'Ada' }) });
    expect(created.body).toBe('Hi Ada, please confirm your appointment on the day we agreed.');
    await finalCallbacks(created.sid);
    const [shown] = await fx.controls.handsetThread(PHONE);
    expect(shown.body).toBe('Hi Ada, please confirm your appointment on the day we agreed.\n[Confirm] [Reschedule]');
  });

  it('fails free text outside the window with 63016, as the StatusCallback and the Message say', async () => {
    const created = await send({ body: 'Are you still there?' });
    expect(created).toMatchObject({ status: 'queued', errorCode: null });
    const callbacks = await finalCallbacks(created.sid);
    expect(callbacks.map((callback) => [callback.params.MessageStatus, callback.params.ErrorCode])).toEqual([
      ['queued', undefined],
      ['failed', '63016'],
    ]);
    expect(await fx.twilio.messages(created.sid).fetch()).toMatchObject({
      status: 'failed',
      errorCode: 63016,
      errorMessage: expect.stringContaining('outside the allowed window'),
    });
    expect(await fx.controls.handsetThread(PHONE)).toEqual([expect.objectContaining({ status: 'failed', errorCode: 63016 })]);
  });

  it('delivers free text inside the window and fails it once the window closed (set by the control)', async () => {
    await inWindowSince(23);
    const inside = await send({ body: 'Your order is ready.' });
    expect((await finalCallbacks(inside.sid)).at(-1)?.params.MessageStatus).toBe('delivered');

    await inWindowSince(25);
    const outside = await send({ body: 'Still interested?' });
    expect((await finalCallbacks(outside.sid)).at(-1)?.params).toMatchObject({ MessageStatus: 'failed', ErrorCode: '63016' });
    expect(await fx.controls.whatsappWindows(PHONE)).toEqual([
      expect.objectContaining({ sender, customer: CUSTOMER, open: false, lastCustomerMessageAt: expect.any(String), closesAt: expect.any(String) }),
    ]);
  });

  it('opens the window when the customer writes, and their message shows on the handset as sent over WhatsApp', async () => {
    expect(await fx.controls.whatsappWindows(PHONE)).toEqual([expect.objectContaining({ open: false, lastCustomerMessageAt: null })]);
    const inbound = await fx.controls.sendInboundSms({ from: CUSTOMER, to: sender, body: 'Hi, can I move my appointment?' });
    expect(inbound.messageSid).toMatch(/^SM/);
    expect(await fx.controls.whatsappWindows(PHONE)).toEqual([expect.objectContaining({ open: true })]);
    const reply = await send({ body: 'Of course, which day suits you?' });
    expect((await finalCallbacks(reply.sid)).at(-1)?.params.MessageStatus).toBe('delivered');
    expect((await fx.controls.handsetThread(PHONE)).map((message) => [message.direction, message.channel, message.body])).toEqual([
      ['sent', 'whatsapp', 'Hi, can I move my appointment?'],
      ['received', 'whatsapp', 'Of course, which day suits you?'],
    ]);
    // A WhatsApp "STOP" is a message like any other: opt-out keywords filter SMS only.
    const stop = await fx.controls.sendInboundSms({ from: CUSTOMER, to: sender, body: 'STOP' });
    expect(stop.keyword).toBeUndefined();
  });

  it('refuses a template WhatsApp has not approved outside the window (63016), and sends it inside as a session message', async () => {
    const pending = fx.account.contentTemplates.springOffer;
    const outside = await send({ contentSid: pending, contentVariables: JSON.stringify({ 1: 'Ada' }) });
    expect((await finalCallbacks(outside.sid)).at(-1)?.params).toMatchObject({ MessageStatus: 'failed', ErrorCode: '63016' });
    await inWindowSince(1);
    const inside = await send({ contentSid: pending, contentVariables: JSON.stringify({ 1: 'Ada' }) });
    expect((await finalCallbacks(inside.sid)).at(-1)?.params.MessageStatus).toBe('delivered');
  });

  it('fails a template whose placeholder has neither a value nor a default with 63028', async () => {
    const template = await fx.twilio.content.v1.contents.create({
      language: 'en',
      types: { 'twilio/text': { body: 'Your code is {{code}}.' } },
    } as unknown as ContentCreateRequest);
    await fx.twilio.content.v1.contents(template.sid).approvalCreate.create({ name: 'code', category: 'AUTHENTICATION' });
    await fx.controls.setContentApproval(template.sid, { status: 'approved' });
    const created = await send({ contentSid: template.sid });
    expect((await finalCallbacks(created.sid)).at(-1)?.params).toMatchObject({ MessageStatus: 'failed', ErrorCode: '63028' });
  });

  it('sends a template over SMS as its twilio/text', async () => {
    const created = await fx.twilio.messages.create({
      from: fx.account.numbers[0],
      to: PHONE,
      contentSid: fx.account.contentTemplates.appointmentConfirmation,
      contentVariables: JSON.stringify({ 1: 'Ada', 2: 'Friday' }),
    });
    expect(created.body).toBe('Hi Ada, please confirm your appointment on Friday: reply CONFIRM or RESCHEDULE.');
    await eventually(async () => ((await fx.twilio.messages(created.sid).fetch()).status === 'delivered' ? true : undefined), 'the SMS delivered');
    expect(await fx.controls.handsetThread(PHONE)).toEqual([expect.objectContaining({ channel: 'sms', body: created.body })]);
  });

  it('refuses at create, creating no message: variables without a template, unknown template, bad variables, wrong senders', async () => {
    const { appointmentReminder } = fx.account.contentTemplates;
    const refusals = await Promise.all([
      twilioErrorOf(send({ body: 'Hi', contentVariables: '{"1":"Ada"}' })),
      twilioErrorOf(send({ contentSid: `HX${'0'.repeat(32)}` })),
      twilioErrorOf(send({ contentSid: appointmentReminder, contentVariables: '["Ada"]' })),
      twilioErrorOf(send({ contentSid: appointmentReminder, contentVariables: '{"1":""}' })),
      twilioErrorOf(fx.twilio.messages.create({ from: `whatsapp:${fx.account.numbers[0]}`, to: CUSTOMER, body: 'Hi' })),
      twilioErrorOf(fx.twilio.messages.create({ from: fx.account.numbers[0], to: CUSTOMER, body: 'Hi' })),
    ]);
    expect(refusals.map((error) => [error.status, error.code])).toEqual([
      [400, 21654],
      [400, 21655],
      [400, 21656],
      [400, 21656],
      [400, 63007],
      [400, 21910],
    ]);
    expect(await fx.twilio.messages.list()).toHaveLength(0);
  });
});
