import twilio from 'twilio';
import { eventually, startCallbackReceiver, type CallbackReceiver, type ReceivedCallback } from '../../testing/callback-receiver';
import { startSandboxFixture, twilioErrorOf, type SandboxFixture } from '../../testing/sandbox-fixture';

const CUSTOMER = '+15557777001';

/**
 * Chat+Proxy mode: the Proxy Service's CallbackUrl, registered by Service update, gets one callback per interaction
 * and per status change of its outbound SMS; the interaction resources read back the same statuses.
 */
describe('Proxy interaction callbacks, over HTTP with the official SDK', () => {
  let fx: SandboxFixture;
  let receiver: CallbackReceiver;
  let run = 0;
  const proxy = () => fx.twilio.proxy.v1.services(fx.account.proxyServiceSid);
  const chat = () => fx.twilio.chat.v2.services(fx.account.chatServiceSid);

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
    await proxy().update({ callbackUrl: `${receiver.url}/proxy-${run}` });
  });

  /** As the product does it: a Flex chat channel for the customer, tied to their handset by a Proxy session. */
  async function outboundConversation() {
    const flow = (await fx.twilio.flexApi.v1.flexFlow.list()).find(
      (candidate) => candidate.contactIdentity === fx.account.numbers[0] && candidate.integrationType === 'task',
    )!;
    const channel = await fx.twilio.flexApi.v1.channel.create({
      flexFlowSid: flow.sid,
      identity: CUSTOMER,
      chatUserFriendlyName: 'Ada',
      chatFriendlyName: 'Ada',
      target: CUSTOMER,
    });
    const session = await proxy().sessions.create({
      uniqueName: channel.sid,
      mode: 'message-only',
      participants: [{ Identifier: CUSTOMER, ProxyIdentifier: fx.account.numbers[0] }, { Identifier: channel.sid }],
    });
    const participants = await proxy().sessions(session.sid).participants.list();
    return { channel, session, customer: participants.find((participant) => participant.identifier === CUSTOMER)! };
  }

  const callbacks = () => receiver.at(`/proxy-${run}`);
  const finalOf = (interactionSid: string) =>
    eventually(() => {
      const mine = callbacks().filter((callback) => callback.params.interactionSid === interactionSid);
      return ['delivered', 'undelivered', 'failed'].includes(mine.at(-1)?.params.outboundResourceStatus ?? '') ? mine : undefined;
    }, `the final callback of ${interactionSid}`);
  const signed = (callback: ReceivedCallback) =>
    twilio.validateRequest(fx.account.authToken, callback.headers['x-twilio-signature'] as string, callback.url, callback.params);

  it('registers CallbackUrl and the other callback URLs by Service update, and refuses a URL that is not one', async () => {
    const updated = await proxy().update({
      interceptCallbackUrl: `${receiver.url}/intercept`,
      outOfSessionCallbackUrl: `${receiver.url}/oos`,
      geoMatchLevel: 'area-code',
    });
    expect(updated).toMatchObject({
      callbackUrl: `${receiver.url}/proxy-${run}`,
      interceptCallbackUrl: `${receiver.url}/intercept`,
      outOfSessionCallbackUrl: `${receiver.url}/oos`,
      geoMatchLevel: 'area-code',
    });
    expect((await proxy().fetch()).callbackUrl).toBe(`${receiver.url}/proxy-${run}`);
    expect(await twilioErrorOf(proxy().update({ callbackUrl: 'nowhere' }))).toMatchObject({
      status: 400,
      message: expect.stringContaining('CallbackUrl'),
    });
    expect((await proxy().update({ callbackUrl: '' })).callbackUrl).toBeNull();
  });

  it('reports the relayed SMS queued → sent → delivered for the agent’s chat message; the interaction reads the same', async () => {
    const { channel, session, customer } = await outboundConversation();
    await chat().channels(channel.sid).messages.create({ from: 'agent.alice', body: 'Hello from Flex' });
    const [sms] = await fx.controls.handsetThread(CUSTOMER);
    const interactionSid = await eventually(() => callbacks()[0]?.params.interactionSid, 'the first interaction callback');
    const reported = await finalOf(interactionSid);
    expect(reported.map((callback) => callback.params.outboundResourceStatus)).toEqual(['queued', 'sent', 'delivered']);
    expect(reported.every(signed)).toBe(true);
    expect(reported[2].params).toMatchObject({
      interactionAccountSid: fx.account.accountSid,
      interactionServiceSid: fx.account.proxyServiceSid,
      interactionSessionSid: session.sid,
      interactionType: 'Message',
      interactionData: JSON.stringify({ body: 'Hello from Flex' }),
      inboundResourceType: 'Chat',
      inboundResourceStatus: 'delivered',
      outboundParticipantSid: customer.sid,
      outboundResourceSid: sms.sid,
      outboundResourceType: 'Message',
      outboundResourceUrl: `${fx.sandbox.url}/api/2010-04-01/Accounts/${fx.account.accountSid}/Messages/${sms.sid}.json`,
    });
    // Reconciliation reads: the session's interaction, the participant's MessageInteraction and the SMS agree.
    expect(await proxy().sessions(session.sid).interactions(interactionSid).fetch()).toMatchObject({
      outboundResourceSid: sms.sid,
      outboundResourceStatus: 'delivered',
    });
    expect(await proxy().sessions(session.sid).participants(customer.sid).messageInteractions(interactionSid).fetch()).toMatchObject({
      participantSid: customer.sid,
      outboundResourceStatus: 'delivered',
    });
    expect((await fx.twilio.messages(sms.sid).fetch()).status).toBe('delivered');
  });

  it('reports an undelivered handset (30003) on the interaction', async () => {
    await fx.controls.setHandsetFate(CUSTOMER, { outcome: 'undelivered' });
    const { channel, session } = await outboundConversation();
    await chat().channels(channel.sid).messages.create({ from: 'agent.alice', body: 'Still there?' });
    const interactionSid = await eventually(() => callbacks()[0]?.params.interactionSid, 'the first interaction callback');
    expect((await finalOf(interactionSid)).map((callback) => callback.params.outboundResourceStatus)).toEqual(['queued', 'sent', 'undelivered']);
    const [interaction] = await proxy().sessions(session.sid).interactions.list();
    expect(interaction).toMatchObject({ sid: interactionSid, outboundResourceStatus: 'undelivered' });
    const [sms] = await fx.controls.handsetThread(CUSTOMER);
    expect(sms).toMatchObject({ status: 'undelivered', errorCode: 30003 });
  });

  it('reports the customer’s SMS into the chat channel once: received in, delivered out', async () => {
    const { channel, customer } = await outboundConversation();
    const outcome = await fx.controls.sendInboundSms({ from: CUSTOMER, to: fx.account.numbers[0], body: 'Hi, Ada here' });
    const [callback] = await eventually(() => (callbacks().length ? callbacks() : undefined), 'the inbound interaction callback');
    expect(callback.params).toMatchObject({
      inboundParticipantSid: customer.sid,
      inboundResourceSid: outcome.messageSid,
      inboundResourceStatus: 'received',
      inboundResourceType: 'Message',
      outboundResourceSid: outcome.chatMessageSid,
      outboundResourceStatus: 'delivered',
      outboundResourceType: 'Chat',
    });
    expect(signed(callback)).toBe(true);
    expect(outcome.channelSid).toBe(channel.sid);
  });
});
