import twilio from 'twilio';
import { eventually, startCallbackReceiver, type CallbackReceiver, type ReceivedCallback } from '../../testing/callback-receiver';
import { startSandboxFixture, type SandboxFixture } from '../../testing/sandbox-fixture';

const CUSTOMER = '+15557776001';

/**
 * Conversations mode: the registrations the product makes (conversation-scoped webhooks, the service's and the
 * account's webhook configuration), the events they get (onDeliveryUpdated, onMessageAdded), and the receipts and
 * `delivery` summary that say the same when read back.
 */
describe('Conversations delivery receipts and webhooks, over HTTP with the official SDK', () => {
  let fx: SandboxFixture;
  let receiver: CallbackReceiver;
  let run = 0;
  const conversations = () => fx.twilio.conversations.v1.conversations;

  beforeAll(async () => {
    fx = await startSandboxFixture({ deliveryStepMs: 0 });
    receiver = await startCallbackReceiver();
  });
  afterAll(async () => {
    await fx.sandbox.close();
    await receiver.close();
  });
  beforeEach(async () => {
    await fx.controls.reset();
    run++;
  });

  /** A conversation with the customer over SMS and an agent, whose scoped webhook gets both events at `/scoped-<run>`. */
  async function smsConversation(customer = CUSTOMER) {
    const conversation = await conversations().create({ friendlyName: 'Ada' });
    const participant = await conversations()(conversation.sid).participants.create({
      'messagingBinding.address': customer,
      'messagingBinding.proxyAddress': fx.account.numbers[0],
    });
    await conversations()(conversation.sid).participants.create({ identity: 'agent.alice' });
    const webhook = await conversations()(conversation.sid).webhooks.create({
      target: 'webhook',
      'configuration.url': `${receiver.url}/scoped-${run}`,
      'configuration.method': 'post',
      'configuration.filters': ['onDeliveryUpdated', 'onMessageAdded'],
    });
    return { conversation, participant, webhook };
  }

  const events = (path: string, eventType: string) => receiver.at(path).filter((callback) => callback.params.EventType === eventType);
  const finalDelivery = (path: string) =>
    eventually(() => {
      const updates = events(path, 'onDeliveryUpdated');
      return ['delivered', 'undelivered', 'failed'].includes(updates.at(-1)?.params.Status ?? '') ? updates : undefined;
    }, `the final onDeliveryUpdated at ${path}`);
  const signed = (callback: ReceivedCallback) =>
    twilio.validateRequest(fx.account.authToken, callback.headers['x-twilio-signature'] as string, callback.url, callback.params);

  it('reports sent → delivered on the receipt to the scoped webhook and the service configuration; reads back the same', async () => {
    const service = await fx.twilio.conversations.v1
      .services(fx.account.chatServiceSid)
      .configuration.webhooks()
      .update({
        postWebhookUrl: `${receiver.url}/service-${run}`,
        method: 'POST',
        filters: ['onDeliveryUpdated'],
      });
    expect(service).toMatchObject({ postWebhookUrl: `${receiver.url}/service-${run}`, filters: ['onDeliveryUpdated'], method: 'POST' });
    const { conversation, participant, webhook } = await smsConversation();
    const message = await conversations()(conversation.sid).messages.create({ author: 'agent.alice', body: 'Hello from Flex' });

    const updates = await finalDelivery(`/scoped-${run}`);
    expect(updates.map((update) => update.params.Status)).toEqual(['sent', 'delivered']);
    expect(updates.every(signed)).toBe(true);
    const [sms] = await fx.controls.handsetThread(CUSTOMER);
    expect(updates[1].params).toMatchObject({
      AccountSid: fx.account.accountSid,
      ChatServiceSid: fx.account.chatServiceSid,
      ConversationSid: conversation.sid,
      MessageSid: message.sid,
      ParticipantSid: participant.sid,
      ChannelMessageSid: sms.sid,
      DeliveryReceiptSid: expect.stringMatching(/^DY[0-9a-f]{32}$/),
      ErrorCode: '0',
      WebhookSid: webhook.sid,
      WebhookType: 'webhook',
    });
    expect((await finalDelivery(`/service-${run}`)).map((update) => update.params.Status)).toEqual(['sent', 'delivered']);
    // A REST-made message fires no onMessageAdded unless asked for with X-Twilio-Webhook-Enabled.
    expect(events(`/scoped-${run}`, 'onMessageAdded')).toHaveLength(0);

    // Reconciliation reads: receipt (both URL forms), the message's summary and the SMS say what the callbacks said.
    const receipts = await conversations()(conversation.sid).messages(message.sid).deliveryReceipts.list();
    expect(receipts).toEqual([
      expect.objectContaining({
        sid: updates[1].params.DeliveryReceiptSid,
        status: 'delivered',
        errorCode: 0,
        channelMessageSid: sms.sid,
        participantSid: participant.sid,
      }),
    ]);
    const scoped = await fx.twilio.conversations.v1
      .services(fx.account.chatServiceSid)
      .conversations(conversation.sid)
      .messages(message.sid)
      .deliveryReceipts(receipts[0].sid)
      .fetch();
    expect(scoped).toMatchObject({ sid: receipts[0].sid, chatServiceSid: fx.account.chatServiceSid, status: 'delivered' });
    expect((await conversations()(conversation.sid).messages(message.sid).fetch()).delivery).toEqual({
      total: 1,
      sent: 'all',
      delivered: 'all',
      read: 'none',
      undelivered: 'none',
      failed: 'none',
    });
    expect(await fx.twilio.messages(sms.sid).fetch()).toMatchObject({ status: 'delivered', to: CUSTOMER });
  });

  it('reports an undelivered handset (30006) on the receipt and the summary', async () => {
    await fx.controls.setHandsetFate(CUSTOMER, { outcome: 'undelivered', errorCode: 30006 });
    const { conversation } = await smsConversation();
    const message = await conversations()(conversation.sid).messages.create({ author: 'agent.alice', body: 'Are you there?' });
    const updates = await finalDelivery(`/scoped-${run}`);
    expect(updates.map((update) => [update.params.Status, update.params.ErrorCode])).toEqual([
      ['sent', '0'],
      ['undelivered', '30006'],
    ]);
    const [receipt] = await conversations()(conversation.sid).messages(message.sid).deliveryReceipts.list();
    expect(receipt).toMatchObject({ status: 'undelivered', errorCode: 30006 });
    expect((await conversations()(conversation.sid).messages(message.sid).fetch()).delivery).toMatchObject({
      sent: 'all',
      delivered: 'none',
      undelivered: 'all',
    });
  });

  it('creates the message but fails its SMS leg to a number that cannot take SMS (21614): receipt failed', async () => {
    const { conversation } = await smsConversation('+15005550009');
    const message = await conversations()(conversation.sid).messages.create({ author: 'agent.alice', body: 'Hello' });
    const updates = await finalDelivery(`/scoped-${run}`);
    expect(updates.map((update) => [update.params.Status, update.params.ErrorCode])).toEqual([['failed', '21614']]);
    const [receipt] = await conversations()(conversation.sid).messages(message.sid).deliveryReceipts.list();
    expect(receipt).toMatchObject({ status: 'failed', errorCode: 21614 });
    expect(await fx.twilio.messages(receipt.channelMessageSid).fetch()).toMatchObject({ status: 'failed', errorCode: 21614 });
  });

  it('sends onMessageAdded for the customer’s SMS (Source SMS) to the scoped webhook and the account configuration, by GET when asked', async () => {
    const account = await fx.twilio.conversations.v1.configuration.webhooks().update({
      postWebhookUrl: `${receiver.url}/account-${run}`,
      method: 'GET',
      filters: ['onMessageAdded'],
      target: 'webhook',
    });
    expect(account).toMatchObject({ target: 'webhook', method: 'GET', postWebhookUrl: `${receiver.url}/account-${run}` });
    const { conversation, participant } = await smsConversation();
    await fx.controls.sendInboundSms({ from: CUSTOMER, to: fx.account.numbers[0], body: 'Hi, Ada here' });
    const [added] = await eventually(
      () => (events(`/scoped-${run}`, 'onMessageAdded').length ? events(`/scoped-${run}`, 'onMessageAdded') : undefined),
      'onMessageAdded',
    );
    expect(added.params).toMatchObject({
      ConversationSid: conversation.sid,
      ParticipantSid: participant.sid,
      Author: CUSTOMER,
      Body: 'Hi, Ada here',
      Source: 'SMS',
      Index: '0',
    });
    const [viaGet] = await eventually(
      () => (receiver.at(`/account-${run}`).length ? receiver.at(`/account-${run}`) : undefined),
      'the account webhook',
    );
    expect(viaGet).toMatchObject({ method: 'GET', params: expect.objectContaining({ EventType: 'onMessageAdded', Body: 'Hi, Ada here' }) });
    expect(signed({ ...viaGet, params: {} })).toBe(true);
  });

  it('updates a scoped webhook (filters, URL) and refuses a URL that is not one', async () => {
    const { conversation, webhook } = await smsConversation();
    const updated = await conversations()(conversation.sid)
      .webhooks(webhook.sid)
      .update({ 'configuration.url': `${receiver.url}/moved-${run}`, 'configuration.filters': ['onDeliveryUpdated'] });
    expect(updated.configuration).toMatchObject({ url: `${receiver.url}/moved-${run}`, filters: ['onDeliveryUpdated'] });
    await expect(conversations()(conversation.sid).webhooks(webhook.sid).update({ 'configuration.url': 'not a url' })).rejects.toMatchObject({
      status: 400,
    });
    await conversations()(conversation.sid).messages.create({ author: 'agent.alice', body: 'moved' });
    expect((await finalDelivery(`/moved-${run}`)).map((update) => update.params.Status)).toEqual(['sent', 'delivered']);
  });
});
