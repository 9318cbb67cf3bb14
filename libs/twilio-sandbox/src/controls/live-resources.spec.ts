import { startSandboxFixture, type SandboxFixture } from '../testing/sandbox-fixture';

/** GET /_sandbox/resources: what tests compare to see what a request left behind. */
describe('live resources control', () => {
  let fx: SandboxFixture;

  beforeAll(async () => {
    fx = await startSandboxFixture();
  });
  afterAll(() => fx.sandbox.close());
  beforeEach(() => fx.controls.reset());

  it('counts what is created, and stops counting what is deleted, closed or cancelled', async () => {
    const seeded = await fx.controls.resources();
    expect(seeded['flex.flows']).toBeGreaterThan(0);
    // Kinds with none are left out.
    for (const kind of ['proxy.sessions', 'taskrouter.tasks', 'chat.messagesByChannel']) expect(seeded).not.toHaveProperty([kind]);
    const chat = fx.twilio.chat.v2.services(fx.account.chatServiceSid);
    const workspace = fx.twilio.taskrouter.v1.workspaces(fx.account.workspaceSid);
    const proxy = fx.twilio.proxy.v1.services(fx.account.proxyServiceSid);

    const channel = await chat.channels.create({ friendlyName: 'Support' });
    await chat.channels(channel.sid).messages.create({ from: 'agent', body: 'hello' });
    const task = await workspace.tasks.create({ workflowSid: fx.account.workflowSid, taskChannel: 'chat', attributes: '{}' });
    const session = await proxy.sessions.create({ uniqueName: channel.sid, mode: 'message-only' });
    expect(await fx.controls.resources()).toEqual({
      ...seeded,
      'chat.channels': (seeded['chat.channels'] ?? 0) + 1,
      'chat.messagesByChannel': 1,
      'taskrouter.tasks': 1,
      'proxy.sessions': 1,
    });

    await proxy.sessions(session.sid).update({ status: 'closed' });
    await workspace.tasks(task.sid).update({ assignmentStatus: 'canceled' });
    await chat.channels(channel.sid).remove();
    expect(await fx.controls.resources()).toEqual(seeded);
  });

  it("does not count a message's delivery receipts, which Twilio makes after the request that sent it", async () => {
    const conversations = fx.twilio.conversations.v1.conversations;
    const conversation = await conversations.create({ friendlyName: 'Ada' });
    await conversations(conversation.sid).participants.create({
      'messagingBinding.address': '+15005550100',
      'messagingBinding.proxyAddress': fx.account.numbers[0],
    });
    const message = await conversations(conversation.sid).messages.create({ author: 'agent.alice', body: 'Hello' });
    const counted = await fx.controls.resources();
    let receipts = 0;
    while (receipts === 0) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      receipts = (await conversations(conversation.sid).messages(message.sid).deliveryReceipts.list()).length;
    }
    expect(await fx.controls.resources()).toEqual(counted);
  });
});
