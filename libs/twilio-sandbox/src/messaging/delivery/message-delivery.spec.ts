import twilio from 'twilio';
import { eventually, startCallbackReceiver, type CallbackReceiver, type ReceivedCallback } from '../../testing/callback-receiver';
import { startSandboxFixture, twilioErrorOf, type SandboxFixture } from '../../testing/sandbox-fixture';

const CUSTOMER = '+15557775001';

/** Programmable Messaging (API 2010 Messages): statuses, StatusCallback, handset fates and magic numbers, over HTTP with the official SDK. */
describe('message delivery: API 2010 Messages and their StatusCallback', () => {
  let fx: SandboxFixture;
  let receiver: CallbackReceiver;

  beforeAll(async () => {
    fx = await startSandboxFixture({ deliveryStepMs: 0 });
    receiver = await startCallbackReceiver();
  });
  afterAll(async () => {
    await fx.sandbox.close();
    await receiver.close();
  });
  beforeEach(() => fx.controls.reset());

  /** The status callbacks of one message once it reached a final status (SIDs repeat after a reset: one path per test). */
  const callbacksOf = (messageSid: string, path: string) =>
    eventually(() => {
      const received = receiver.at(path).filter((callback) => callback.params.MessageSid === messageSid);
      return ['delivered', 'undelivered', 'failed'].includes(received.at(-1)?.params.MessageStatus ?? '') ? received : undefined;
    }, `the final status callback of ${messageSid}`);

  const signed = (callback: ReceivedCallback) =>
    twilio.validateRequest(fx.account.authToken, callback.headers['x-twilio-signature'] as string, callback.url, callback.params);

  it('answers queued at once, then reports queued → sent → delivered, signed; the Message reads the same', async () => {
    const created = await fx.twilio.messages.create({
      from: fx.account.numbers[0],
      to: CUSTOMER,
      body: 'Your order shipped',
      statusCallback: `${receiver.url}/status`,
    });
    expect(created).toMatchObject({ status: 'queued', errorCode: null, dateSent: null });
    const callbacks = await callbacksOf(created.sid, '/status');
    expect(callbacks.map((callback) => callback.params.MessageStatus)).toEqual(['queued', 'sent', 'delivered']);
    expect(callbacks.every(signed)).toBe(true);
    expect(callbacks[2].params).toMatchObject({
      AccountSid: fx.account.accountSid,
      ApiVersion: '2010-04-01',
      SmsSid: created.sid,
      SmsStatus: 'delivered',
      From: fx.account.numbers[0],
      To: CUSTOMER,
      RawDlrDoneDate: expect.stringMatching(/^\d{10}$/),
    });
    expect(callbacks[2].params.ErrorCode).toBeUndefined();
    // Reconciliation: the resource says what the last callback said.
    const fetched = await fx.twilio.messages(created.sid).fetch();
    expect(fetched).toMatchObject({ status: 'delivered', errorCode: null, errorMessage: null });
    expect(fetched.dateSent).toBeInstanceOf(Date);
    expect(await fx.controls.handsetThread(CUSTOMER)).toEqual([expect.objectContaining({ sid: created.sid, status: 'delivered', errorCode: null })]);
  });

  it('callback faults: a dropped delivery callback is logged and never sent; a duplicated one is sent twice, out of order allowed', async () => {
    const send = (path: string) =>
      fx.twilio.messages.create({ from: fx.account.numbers[0], to: CUSTOMER, body: 'Hi', statusCallback: `${receiver.url}/${path}` });
    // SIDs repeat after a reset: the callback log is read by this test's own URL.
    const logOf = async (path: string) => (await fx.controls.callbacks()).filter((callback) => callback.url === `${receiver.url}/${path}`);
    try {
      await fx.controls.setFaults({ callbackDropRate: 1 });
      const dropped = await send('dropped');
      const log = await eventually(async () => {
        const found = await logOf('dropped');
        return found.length === 3 ? found : undefined;
      }, 'three dropped callbacks');
      expect(log.map((callback) => [callback.params?.MessageStatus, callback.outcome, callback.attempts.length])).toEqual([
        ['queued', 'dropped', 0],
        ['sent', 'dropped', 0],
        ['delivered', 'dropped', 0],
      ]);
      expect(receiver.at('/dropped')).toEqual([]);
      // The truth is still there to be read back.
      expect(await fx.twilio.messages(dropped.sid).fetch()).toMatchObject({ status: 'delivered' });

      await fx.controls.setFaults({ callbackDuplicateRate: 1, callbackReorderMs: 30 });
      const doubled = await send('doubled');
      const received = await eventually(() => (receiver.at('/doubled').length === 6 ? receiver.at('/doubled') : undefined), 'six callbacks');
      expect(received.map((callback) => callback.params.MessageStatus).sort()).toEqual([
        'delivered',
        'delivered',
        'queued',
        'queued',
        'sent',
        'sent',
      ]);
      expect(received.every((callback) => callback.params.MessageSid === doubled.sid)).toBe(true);
    } finally {
      await fx.controls.clearFaults();
    }
  });

  it('refuses callback faults that are no share or no delay', async () => {
    await expect(fx.controls.setFaults({ callbackDropRate: 2, callbackReorderMs: -1 })).rejects.toThrow(
      /callbackDropRate must be between 0 and 1.*callbackReorderMs/s,
    );
  });

  it.each([
    [{ outcome: 'undelivered' as const }, 30003, 'Unreachable destination handset'],
    [{ outcome: 'undelivered' as const, errorCode: 30006 }, 30006, 'Landline or unreachable carrier'],
    [{ outcome: 'carrier-filtered' as const }, 30007, 'Message filtered'],
  ])('ends undelivered as the handset fate %j says: %i', async (fate, code, text) => {
    await fx.controls.setHandsetFate(CUSTOMER, fate);
    const created = await fx.twilio.messages.create({
      from: fx.account.numbers[0],
      to: CUSTOMER,
      body: 'Hi',
      statusCallback: `${receiver.url}/fates-${code}`,
    });
    const callbacks = await callbacksOf(created.sid, `/fates-${code}`);
    expect(callbacks.map((callback) => [callback.params.MessageStatus, callback.params.ErrorCode])).toEqual([
      ['queued', undefined],
      ['sent', undefined],
      ['undelivered', String(code)],
    ]);
    expect(callbacks.every(signed)).toBe(true);
    expect(await fx.twilio.messages(created.sid).fetch()).toMatchObject({ status: 'undelivered', errorCode: code, errorMessage: text });
    expect(await fx.controls.handsets()).toEqual([
      expect.objectContaining({ number: CUSTOMER, fate: { outcome: fate.outcome, errorCode: code, delayMs: null } }),
    ]);
  });

  it("refuses Twilio's magic To numbers at create with their codes, and creates no message", async () => {
    const magic: Array<[string, number]> = [
      ['+15005550001', 21211],
      ['+15005550002', 21612],
      ['+15005550003', 21408],
      ['+15005550004', 21610],
      ['+15005550009', 21614],
    ];
    for (const [to, code] of magic) {
      expect({ to, ...(await twilioErrorOf(fx.twilio.messages.create({ from: fx.account.numbers[0], to, body: 'Hi' }))) }).toMatchObject({
        to,
        status: 400,
        code,
      });
    }
    expect(await fx.twilio.messages.list()).toHaveLength(0);
  });

  it('keeps a slow handset queued while another one is already delivered, then delivers it', async () => {
    await fx.controls.setHandsetFate('+15557775002', { outcome: 'delivered', delayMs: 3000 });
    const slow = await fx.twilio.messages.create({ from: fx.account.numbers[0], to: '+15557775002', body: 'slow' });
    const quick = await fx.twilio.messages.create({ from: fx.account.numbers[0], to: CUSTOMER, body: 'quick' });
    await eventually(
      async () => ((await fx.twilio.messages(quick.sid).fetch()).status === 'delivered' ? true : undefined),
      'the quick one delivered',
    );
    expect((await fx.twilio.messages(slow.sid).fetch()).status).not.toBe('delivered');
    await eventually(
      async () => ((await fx.twilio.messages(slow.sid).fetch()).status === 'delivered' ? true : undefined),
      'the slow one delivered',
      20_000,
    );
    // Two steps of 3 s: the quick one is long delivered before, however busy the machine.
  }, 30_000);

  it('refuses a StatusCallback that is no http(s) URL and a handset fate it does not know, naming the field', async () => {
    expect(
      await twilioErrorOf(fx.twilio.messages.create({ from: fx.account.numbers[0], to: CUSTOMER, body: 'Hi', statusCallback: 'ftp://example.com' })),
    ).toMatchObject({
      status: 400,
      message: expect.stringContaining('StatusCallback'),
    });
    await expect(fx.controls.setHandsetFate(CUSTOMER, { outcome: 'undelivered', errorCode: 30007 })).rejects.toThrow(/errorCode/);
    await expect(fx.controls.setHandsetFate(CUSTOMER, { outcome: 'lost' as never })).rejects.toThrow(/outcome/);
  });

  it('changes the step delay live through /_sandbox/delivery', async () => {
    expect(await fx.controls.delivery()).toEqual({ stepDelayMs: 0 });
    await expect(fx.controls.setDelivery({ stepDelayMs: -1 })).rejects.toThrow(/stepDelayMs/);
    expect(await fx.controls.setDelivery({ stepDelayMs: 5 })).toEqual({ stepDelayMs: 5 });
    await fx.controls.setDelivery({ stepDelayMs: 0 });
  });
});
