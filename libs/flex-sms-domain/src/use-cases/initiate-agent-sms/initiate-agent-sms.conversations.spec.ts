import { ConversationConflict, TwilioRequestFailed, TwilioTransientFailure } from '../../errors';
import { FAKE_WORKSPACE } from '../../testing/fake-twilio';
import { CUSTOMER, outboundSmsWorld, TWILIO_NUMBER, type OutboundSmsWorld } from '../../testing/outbound-sms.test-helpers';
import { InitiateAgentSms } from './initiate-agent-sms.usecase';

const command = { fromNumber: TWILIO_NUMBER, toName: 'Ada Lovelace', toNumber: CUSTOMER, caller: 'grace' };
const WORKER = 'WK' + 'b'.repeat(32);

describe('InitiateAgentSms in Flex Conversations mode', () => {
  let world: OutboundSmsWorld;
  let useCase: InitiateAgentSms;

  beforeEach(() => {
    world = outboundSmsWorld({ outboundModes: { defaultMode: 'chat-proxy', conversationsNumbers: [TWILIO_NUMBER] } });
    useCase = new InitiateAgentSms(world.deps);
  });

  it('creates the Interaction routed by the Task flow, then posts the first message beside the conversation fetch: two round trips', async () => {
    await world.deps.flexFlowDirectory.list();
    world.twilio.resetLog();

    const result = await useCase.execute({
      ...command,
      initialMessage: 'Hi Ada, it is Grace.',
      targetWorkerSid: WORKER,
      taskAttributes: { crmId: 'A-17' },
    });

    expect(world.twilio.calls).toEqual([
      { operation: 'createSmsInteraction', round: 1 },
      { operation: 'fetchConversation', round: 2 },
      { operation: 'postConversationMessage', round: 2 },
    ]);
    const conversations = world.twilio.conversations;
    const [interaction] = conversations.interactions.values();
    expect(result).toMatchObject({
      mode: 'conversations',
      reused: { conversation: false },
      flexFlow: { sid: world.taskFlow.sid, integrationType: 'task' },
      conversation: { sid: interaction.conversationSid, state: 'active' },
      channel: { sid: interaction.conversationSid, identity: CUSTOMER, userSid: null },
      interaction: { sid: interaction.sid, channelSid: interaction.channelSid },
      task: { sid: interaction.taskSid, workspaceSid: FAKE_WORKSPACE },
      message: { body: 'Hi Ada, it is Grace.', index: 0 },
      pendingSteps: [],
    });
    expect(result.proxySession).toBeUndefined();
    expect(world.twilio.tasks.get(interaction.taskSid)?.attributes).toMatchObject({
      crmId: 'A-17',
      to: CUSTOMER,
      from: TWILIO_NUMBER,
      direction: 'outbound',
      targetWorkerSid: WORKER,
    });
    expect(conversations.messages.get(interaction.conversationSid)?.[0]).toMatchObject({
      author: 'grace',
      attributes: { outboundSmsRequestId: result.id },
    });
    expect(world.twilio.count('createFlexChannel') + world.twilio.count('createSession')).toBe(0);
  });

  it('journals the mode and the interaction with everything a rollback needs', async () => {
    const result = await useCase.execute(command);

    const entry = (await world.journal.get(result.id))!;
    expect(entry.input).toMatchObject({ mode: 'conversations' });
    expect(entry.steps.map((step) => [step.name, step.outcome])).toEqual([
      ['flex-flow', 'resolved'],
      ['interaction', 'created'],
    ]);
    expect(entry.steps[1]).toMatchObject({
      sids: { taskSid: result.task!.sid, conversationSid: result.conversation!.sid, workspaceSid: FAKE_WORKSPACE },
      data: { conversationCreated: true },
    });
  });

  it('cancels the task, closes the interaction channel and removes the conversation it created when the first message fails', async () => {
    world.twilio.failNext('postConversationMessage', () => new TwilioRequestFailed('Body rejected', 400, 21617));

    await expect(useCase.execute({ ...command, initialMessage: 'Hello' })).rejects.toBeInstanceOf(TwilioRequestFailed);

    const [task] = world.twilio.tasks.values();
    expect(task.assignmentStatus).toBe('canceled');
    expect(world.twilio.conversations.conversations.size).toBe(0);
    const [interaction] = world.twilio.conversations.interactions.values();
    expect(world.twilio.conversations.closedInteractionChannels).toEqual(new Set([interaction.channelSid]));
    const [entry] = world.journal.all();
    expect(entry.status).toBe('rolled_back');
    expect(entry.undone.map(({ action, ok }) => ({ action, ok }))).toEqual([
      { action: 'cancel-task', ok: true },
      { action: 'close-interaction-channel', ok: true },
      { action: 'remove-conversation', ok: true },
    ]);
  });

  it('names the task holding the customer’s active conversation, and leaves nothing behind', async () => {
    const held = world.twilio.conversations.seed({
      customer: CUSTOMER,
      proxyAddress: TWILIO_NUMBER,
      taskStatus: 'assigned',
      workspaceSid: FAKE_WORKSPACE,
    });

    const failure = await useCase.execute(command).catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(ConversationConflict);
    expect((failure as ConversationConflict).details).toMatchObject({
      conversationSid: held.conversationSid,
      taskSid: held.taskSid,
      taskStatus: 'assigned',
    });
    expect(world.twilio.conversations.conversations.size).toBe(1);
    expect(world.twilio.tasks.size).toBe(1);
    expect(world.journal.all()[0]).toMatchObject({ status: 'failed', undone: [] });
  });

  it('puts the interaction on the customer’s conversation when no task holds it, and undoes only the new task', async () => {
    const idle = world.twilio.conversations.seed({
      customer: CUSTOMER,
      proxyAddress: TWILIO_NUMBER,
      taskStatus: 'completed',
      workspaceSid: FAKE_WORKSPACE,
    });

    const result = await useCase.execute(command);

    expect(result).toMatchObject({ reused: { conversation: true, channel: true }, conversation: { sid: idle.conversationSid } });
    expect(world.twilio.conversations.conversations.size).toBe(1);

    world.twilio.failNext('postConversationMessage', () => new TwilioRequestFailed('Body rejected', 400, 21617));
    world.twilio.tasks.get(result.task!.sid)!.assignmentStatus = 'completed';
    await expect(useCase.execute({ ...command, initialMessage: 'Again' })).rejects.toBeInstanceOf(TwilioRequestFailed);
    expect(world.twilio.conversations.conversations.has(idle.conversationSid)).toBe(true);
    expect(world.journal.all()[1].undone.map((undone) => undone.action)).toEqual(['cancel-task']);
  });

  it('serialises concurrent requests for the pair: one interaction, and the other told which task holds the customer', async () => {
    const outcomes = await Promise.allSettled([useCase.execute(command), useCase.execute(command)]);

    expect(outcomes.map((outcome) => outcome.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect((outcomes.find((outcome) => outcome.status === 'rejected') as PromiseRejectedResult).reason).toBeInstanceOf(ConversationConflict);
    expect(world.twilio.conversations.interactions.size).toBe(1);
    expect(world.twilio.tasks.size).toBe(1);
  });

  it('never repeats an Interaction create after an ambiguous failure (a repeat would make a second task)', async () => {
    world.twilio.failNext('createSmsInteraction', () => new TwilioTransientFailure('Service Unavailable', 'server_error', undefined, 503));

    await expect(useCase.execute(command)).rejects.toThrow('may or may not have completed');
    expect(world.twilio.count('createSmsInteraction')).toBe(1);
  });

  it('keeps numbers outside CONVERSATIONS_NUMBERS on Chat + Proxy', async () => {
    world = outboundSmsWorld({ outboundModes: { defaultMode: 'chat-proxy', conversationsNumbers: ['+15005550007'] } });

    const result = await new InitiateAgentSms(world.deps).execute(command);

    expect(result.mode).toBe('chat-proxy');
    expect(result.proxySession).toBeDefined();
    expect(world.twilio.count('createSmsInteraction')).toBe(0);
  });
});
