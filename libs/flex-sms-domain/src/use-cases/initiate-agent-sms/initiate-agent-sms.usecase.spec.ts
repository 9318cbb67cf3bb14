import { FlexFlowNotFound, InvalidInput, InvalidPhoneNumber, TwilioRequestFailed } from '../../errors';
import { outboundSmsWorld, CUSTOMER, TWILIO_NUMBER, type OutboundSmsWorld } from '../../testing/outbound-sms.test-helpers';
import { CompletePendingSteps } from '../complete-pending-steps/complete-pending-steps.usecase';
import { InitiateAgentSms } from './initiate-agent-sms.usecase';

const command = {
  fromNumber: TWILIO_NUMBER,
  toName: 'Ada Lovelace',
  toNumber: '+1 (415) 555-0123',
  caller: 'crm',
};

describe('InitiateAgentSms', () => {
  let world: OutboundSmsWorld;
  let useCase: InitiateAgentSms;

  beforeEach(() => {
    world = outboundSmsWorld();
    useCase = new InitiateAgentSms(world.deps);
  });

  it('creates the channel through the (disabled) Task flow, then the session, and answers after two round trips', async () => {
    await world.deps.flexFlowDirectory.list(); // warm cache
    world.twilio.resetLog();

    const result = await useCase.execute(command);

    expect(world.twilio.operations()).toEqual(['createFlexChannel', 'createSession']);
    expect(world.twilio.criticalPath()).toBe(2);
    expect(result).toMatchObject({
      status: 'succeeded',
      reused: { channel: false, session: false },
      flexFlow: { sid: world.taskFlow.sid, integrationType: 'task', enabled: false },
      channel: { identity: CUSTOMER },
      proxySession: { uniqueName: result.channel.sid, status: 'open', mode: 'message-only' },
      task: { sid: expect.stringMatching(/^WT/) },
      pendingSteps: ['channel-attributes'],
    });
    expect(result.message).toBeUndefined();
  });

  it('gives the task the outbound attributes, which the caller cannot override', async () => {
    const result = await useCase.execute({
      ...command,
      sourceChatChannelSid: 'CH' + 'a'.repeat(32),
      targetWorkerSid: 'WK' + 'b'.repeat(32),
      taskAttributes: { priorityReason: 'vip', direction: 'inbound', to: '+10000000000' },
    });

    expect(world.twilio.tasks.get(result.task!.sid)?.attributes).toEqual({
      priorityReason: 'vip',
      to: CUSTOMER,
      from: TWILIO_NUMBER,
      name: 'Ada Lovelace',
      direction: 'outbound',
      sourceChatChannelSid: 'CH' + 'a'.repeat(32),
      targetWorkerSid: 'WK' + 'b'.repeat(32),
    });
  });

  it('ties the session to both the customer and the channel through the Twilio number', async () => {
    const result = await useCase.execute(command);

    const { participants } = world.twilio.sessions.get(result.proxySession!.sid)!;
    expect(participants.map(({ identifier, proxyIdentifier, friendlyName }) => ({ identifier, proxyIdentifier, friendlyName }))).toEqual([
      { identifier: CUSTOMER, proxyIdentifier: TWILIO_NUMBER, friendlyName: 'Ada Lovelace' },
      { identifier: result.channel.sid, proxyIdentifier: TWILIO_NUMBER, friendlyName: 'Ada Lovelace' },
    ]);
  });

  it('journals the follow-up before answering, schedules it, and CompletePendingSteps writes proxySession into the channel', async () => {
    const result = await useCase.execute(command);

    expect(world.followUps).toEqual([result.id]);
    const entry = await world.journal.get(result.id);
    expect(entry).toMatchObject({ status: 'succeeded', kind: 'agent_sms', caller: 'crm', fromNumber: TWILIO_NUMBER, toNumber: CUSTOMER });
    expect(entry?.pendingSteps).toEqual([expect.objectContaining({ name: 'channel-attributes', status: 'pending' })]);
    expect(world.twilio.channels.get(result.channel.sid)?.chat.attributes.proxySession).toBeUndefined();

    const report = await new CompletePendingSteps(world.deps).execute(result.id);

    expect(report.completed).toEqual(['channel-attributes']);
    expect(world.twilio.channels.get(result.channel.sid)?.chat.attributes).toMatchObject({
      status: 'ACTIVE',
      proxySession: result.proxySession!.sid,
    });
    expect((await world.journal.get(result.id))?.pendingSteps[0].status).toBe('done');
  });

  it('posts the initial message once the session exists (three round trips)', async () => {
    await world.deps.flexFlowDirectory.list();
    world.twilio.resetLog();

    const result = await useCase.execute({ ...command, initialMessage: 'Hi Ada, this is Flex.' });

    expect(world.twilio.operations()).toEqual(['createFlexChannel', 'createSession', 'postMessage']);
    expect(world.twilio.criticalPath()).toBe(3);
    expect(result.message).toMatchObject({ body: 'Hi Ada, this is Flex.', index: 0 });
    expect(world.twilio.messages.get(result.channel.sid)?.[0].attributes).toEqual({ outboundSmsRequestId: result.id });
  });

  it('reuses the customer active channel and its live session instead of creating new ones', async () => {
    const first = await useCase.execute(command);
    world.clock.advance(10_000);
    world.twilio.resetLog();

    const second = await useCase.execute(command);

    expect(second.reused).toEqual({ channel: true, session: true });
    expect(second.channel.sid).toBe(first.channel.sid);
    expect(second.proxySession!.sid).toBe(first.proxySession!.sid);
    expect(world.twilio.operations()).toEqual(['createFlexChannel', 'fetchSession']);
    expect(world.twilio.sessions.size).toBe(1);
  });

  it('serialises concurrent requests for the same pair: one channel, one task, one session', async () => {
    const [a, b] = await Promise.all([useCase.execute(command), useCase.execute({ ...command, toNumber: CUSTOMER })]);

    expect(b.channel.sid).toBe(a.channel.sid);
    expect(b.proxySession!.sid).toBe(a.proxySession!.sid);
    expect(world.twilio.channels.size).toBe(1);
    expect(world.twilio.tasks.size).toBe(1);
    expect(world.twilio.sessions.size).toBe(1);
  });

  it('cancels the task and removes the channel it created when the session cannot be made', async () => {
    world.twilio.failNext('createSession', () => new TwilioRequestFailed('Invalid participant', 400, 80404));

    const failure = await useCase.execute(command).catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(TwilioRequestFailed);
    const [taskSid] = world.twilio.tasks.keys();
    expect(world.twilio.tasks.get(taskSid)?.assignmentStatus).toBe('canceled');
    expect(world.twilio.channels.size).toBe(0);
    const [entry] = world.journal.all();
    expect(entry.status).toBe('rolled_back');
    expect(entry.error).toMatchObject({ code: 'TWILIO_REQUEST_FAILED', twilioCode: 80404 });
    expect(entry.undone.map(({ action, ok }) => ({ action, ok }))).toEqual([
      { action: 'cancel-task', ok: true },
      { action: 'remove-channel', ok: true },
    ]);
    expect((failure as TwilioRequestFailed).details).toMatchObject({ requestId: entry.id, undone: entry.undone });
  });

  it('removes the session and channel, and cancels the task, when the initial message fails for good', async () => {
    world.twilio.failNext('postMessage', () => new TwilioRequestFailed('Channel gone', 400, 50300));

    await expect(useCase.execute({ ...command, initialMessage: 'Hello' })).rejects.toThrow('Channel gone');

    expect(world.twilio.sessions.size).toBe(0);
    expect(world.twilio.channels.size).toBe(0);
    expect([...world.twilio.tasks.values()][0].assignmentStatus).toBe('canceled');
    expect(world.journal.all()[0].undone.map((u) => u.action)).toEqual(['cancel-task', 'remove-proxy-session', 'remove-channel']);
  });

  it('never undoes what it reused: a failing message leaves the existing conversation alone', async () => {
    const first = await useCase.execute(command);
    world.clock.advance(10_000);
    world.twilio.failNext('postMessage', () => new TwilioRequestFailed('Rejected', 400, 50300));

    await expect(useCase.execute({ ...command, initialMessage: 'Hello again' })).rejects.toBeInstanceOf(TwilioRequestFailed);

    expect(world.twilio.channels.has(first.channel.sid)).toBe(true);
    expect(world.twilio.sessions.has(first.proxySession!.sid)).toBe(true);
    expect(world.twilio.tasks.get(first.task!.sid)?.assignmentStatus).toBe('pending');
    expect(world.journal.all()[1]).toMatchObject({ status: 'failed', undone: [] });
  });

  it('names the number and the integration type when the number has no Task flow', async () => {
    const failure = await useCase.execute({ ...command, fromNumber: '+15005550009' }).catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(FlexFlowNotFound);
    expect((failure as FlexFlowNotFound).message).toContain('IntegrationType=task has ContactIdentity +15005550009');
    expect(world.twilio.count('createFlexChannel')).toBe(0);
    expect(world.journal.all()[0]).toMatchObject({ status: 'failed', undone: [] });
  });

  it('rejects bad input before journaling or calling Twilio', async () => {
    await expect(useCase.execute({ ...command, toNumber: '12' })).rejects.toBeInstanceOf(InvalidPhoneNumber);
    await expect(useCase.execute({ ...command, toName: '  ' })).rejects.toBeInstanceOf(InvalidInput);
    await expect(useCase.execute({ ...command, targetWorkerSid: 'WTnope' })).rejects.toThrow('targetWorkerSid');
    await expect(useCase.execute({ ...command, toNumber: TWILIO_NUMBER })).rejects.toThrow('must differ');
    expect(world.journal.all()).toHaveLength(0);
    expect(world.twilio.calls).toHaveLength(0);
  });
});
