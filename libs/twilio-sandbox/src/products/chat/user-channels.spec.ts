import { startSandboxFixture, twilioErrorOf, type SandboxFixture } from '../../testing/sandbox-fixture';

/**
 * Chat v2 User Channels: the channels a user belongs to, addressed by user SID or identity. The outbound flows use
 * it to find which conversation of a customer holds a conflicting Proxy session.
 */
describe('Chat User Channels through the official SDK', () => {
  let fx: SandboxFixture;
  const chat = () => fx.twilio.chat.v2.services(fx.account.chatServiceSid);

  beforeAll(async () => {
    fx = await startSandboxFixture();
  });
  afterAll(() => fx.sandbox.close());
  beforeEach(() => fx.controls.reset());

  it("lists the channels of the customer's chat user, by identity and by SID, with unread counts", async () => {
    const [flow] = await fx.twilio.flexApi.v1.flexFlow.list({ friendlyName: `Flex SMS To Task Flow ${fx.account.numbers[0]}` });
    const flexChannel = await fx.twilio.flexApi.v1.channel.create({
      flexFlowSid: flow.sid,
      identity: 'customer-identity-1',
      chatUserFriendlyName: '+15557770001',
      chatFriendlyName: 'SMS +15557770001',
      target: '+15557770001',
    });
    const other = await chat().channels.create({ friendlyName: 'Other' });
    await chat().channels(other.sid).members.create({ identity: 'someone-else' });
    await chat().channels(flexChannel.sid).messages.create({ body: 'hello', from: 'agent' });

    const byIdentity = await chat().users('customer-identity-1').userChannels.list();
    expect(byIdentity).toHaveLength(1);
    expect(byIdentity[0]).toMatchObject({ channelSid: flexChannel.sid, userSid: flexChannel.userSid, status: 'joined', unreadMessagesCount: 1 });
    const bySid = await chat().users(flexChannel.userSid).userChannels.list();
    expect(bySid.map((membership) => membership.channelSid)).toEqual([flexChannel.sid]);
  });

  it('pages through many memberships in channel order', async () => {
    await chat().users.create({ identity: 'busy' });
    const sids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const channel = await chat().channels.create({ friendlyName: `c${i}` });
      await chat().channels(channel.sid).members.create({ identity: 'busy' });
      sids.push(channel.sid);
    }
    const listed = await chat().users('busy').userChannels.list({ pageSize: 2 });
    expect(listed.map((membership) => membership.channelSid)).toEqual(sids);
  });

  it('answers 404 for an unknown user', async () => {
    expect((await twilioErrorOf(chat().users('nobody').userChannels.list())).status).toBe(404);
  });
});
