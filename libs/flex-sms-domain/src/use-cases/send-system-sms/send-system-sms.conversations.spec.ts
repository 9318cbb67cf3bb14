import { ConversationConflict, TwilioRequestFailed, TwilioTransientFailure } from '../../errors';
import { FAKE_WORKSPACE } from '../../testing/fake-twilio';
import { CUSTOMER, outboundSmsWorld, TWILIO_NUMBER, type OutboundSmsWorld } from '../../testing/outbound-sms.test-helpers';
import { SendSystemSms } from './send-system-sms.usecase';

const command = { fromNumber: TWILIO_NUMBER, toName: 'Ada', toNumber: CUSTOMER, messageBody: 'Your order shipped.', caller: 'billing' };

describe('SendSystemSms in Flex Conversations mode', () => {
  let world: OutboundSmsWorld;
  let useCase: SendSystemSms;

  beforeEach(() => {
    world = outboundSmsWorld({ outboundModes: { defaultMode: 'conversations', conversationsNumbers: [] } });
    useCase = new SendSystemSms(world.deps);
  });

  it('creates the conversation, adds the customer beside the Studio webhook, then posts the message: three round trips', async () => {
    await world.deps.flexFlowDirectory.list();
    world.twilio.resetLog();

    const result = await useCase.execute(command);

    expect(world.twilio.calls).toEqual([
      { operation: 'createConversation', round: 1 },
      { operation: 'addSmsParticipant', round: 2 },
      { operation: 'attachStudioFlow', round: 2 },
      { operation: 'postConversationMessage', round: 3 },
    ]);
    const conversations = world.twilio.conversations;
    const sid = result.conversation!.sid;
    expect(result).toMatchObject({
      mode: 'conversations',
      reused: { conversation: false },
      flexFlow: { sid: world.studioFlow.sid },
      message: { body: 'Your order shipped.' },
    });
    expect(result.task).toBeUndefined();
    expect(conversations.conversations.get(sid)?.uniqueName).toBe(`outbound-sms-${result.id}`);
    expect(conversations.participants.get(sid)).toEqual([expect.objectContaining({ address: CUSTOMER, proxyAddress: TWILIO_NUMBER })]);
    expect(conversations.webhooks.get(sid)).toEqual([world.studioFlow.integration.flowSid]);
    expect(conversations.messages.get(sid)?.[0]).toMatchObject({ author: 'billing', body: 'Your order shipped.' });
    expect(world.twilio.tasks.size).toBe(0);
  });

  it('removes the empty conversation at once and texts through the customer’s conversation when no task holds it', async () => {
    const idle = world.twilio.conversations.seed({ customer: CUSTOMER, proxyAddress: TWILIO_NUMBER });

    const result = await useCase.execute(command);

    expect(result).toMatchObject({ reused: { conversation: true }, conversation: { sid: idle.conversationSid } });
    expect([...world.twilio.conversations.conversations.keys()]).toEqual([idle.conversationSid]);
    expect(world.twilio.conversations.messages.get(idle.conversationSid)).toHaveLength(1);
    const entry = (await world.journal.get(result.id))!;
    expect(entry.steps.filter((step) => step.name === 'conversation').map((step) => step.outcome)).toEqual(['created', 'removed']);
  });

  it('answers 409 naming the task when an agent holds the customer’s conversation, with no orphan conversation', async () => {
    const held = world.twilio.conversations.seed({
      customer: CUSTOMER,
      proxyAddress: TWILIO_NUMBER,
      taskStatus: 'reserved',
      workspaceSid: FAKE_WORKSPACE,
    });

    const failure = await useCase.execute(command).catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(ConversationConflict);
    expect((failure as ConversationConflict).details).toMatchObject({ conversationSid: held.conversationSid, taskSid: held.taskSid });
    expect([...world.twilio.conversations.conversations.keys()]).toEqual([held.conversationSid]);
    expect(world.twilio.conversations.messages.size).toBe(0);
    expect(world.journal.all()[0]).toMatchObject({ status: 'failed', undone: [] });
  });

  it('removes the conversation it created when the message fails for good', async () => {
    world.twilio.failNext('postConversationMessage', () => new TwilioRequestFailed('Body rejected', 400, 21617));

    await expect(useCase.execute(command)).rejects.toBeInstanceOf(TwilioRequestFailed);

    expect(world.twilio.conversations.conversations.size).toBe(0);
    expect(world.journal.all()[0]).toMatchObject({
      status: 'rolled_back',
      undone: [expect.objectContaining({ action: 'remove-conversation', ok: true })],
    });
  });

  it('finds the conversation and the message a lost response already made instead of making them twice', async () => {
    world.twilio.failNext('createConversation', () => new TwilioTransientFailure('Service Unavailable', 'server_error', undefined, 503), {
      afterEffect: true,
    });
    world.twilio.failNext('postConversationMessage', () => new TwilioTransientFailure('socket hang up', 'connection'), { afterEffect: true });

    const result = await useCase.execute(command);

    expect(world.twilio.conversations.conversations.size).toBe(1);
    expect(world.twilio.count('createConversation')).toBe(1);
    expect(world.twilio.conversations.messages.get(result.conversation!.sid)).toHaveLength(1);
  });
});
