import { TwilioTransientFailure } from '../../errors';
import type { OutboundRequestRecord } from '../../ports/journal.port';
import { flexChannelUniqueName } from '../../steps/chat-proxy/open-channel.step';
import { conversationUniqueName } from '../../steps/conversations/open-sms-conversation.step';
import { StepRecorder } from '../../outbound/step-recorder';
import { CUSTOMER, outboundSmsWorld, TWILIO_NUMBER, type OutboundSmsWorld } from '../../testing/outbound-sms.test-helpers';
import { CompletePendingSteps } from '../complete-pending-steps/complete-pending-steps.usecase';
import { InitiateAgentSms } from '../initiate-agent-sms/initiate-agent-sms.usecase';
import { ResolveInFlight } from './resolve-in-flight.usecase';

const request: OutboundRequestRecord = {
  kind: 'agent_sms',
  caller: 'crm',
  channel: 'sms',
  fromNumber: TWILIO_NUMBER,
  toNumber: CUSTOMER,
  toName: 'Ada',
  body: null,
  idempotencyKey: 'k-1',
  input: {},
};

describe('ResolveInFlight', () => {
  let world: OutboundSmsWorld;

  beforeEach(() => {
    world = outboundSmsWorld();
  });

  /** A request that created a channel (and its task) through Flex, then the process died before the session. */
  async function crashAfterChannel(): Promise<{ requestId: string; channelSid: string; taskSid: string }> {
    const requestId = await world.journal.begin(request, new Date(world.clock.now()));
    const channel = await world.twilio.chatChannelPort.createFlexChannel({
      flexFlowSid: world.taskFlow.sid,
      identity: CUSTOMER,
      target: CUSTOMER,
      chatUserFriendlyName: 'Ada',
      chatFriendlyName: 'SMS',
      taskAttributes: {},
    });
    const steps = new StepRecorder(world.journal, requestId, world.clock);
    const at = new Date(world.clock.now());
    await steps.record({
      name: 'channel',
      outcome: 'created',
      sids: {
        channelSid: channel.sid,
        chatServiceSid: world.taskFlow.chatServiceSid,
        taskSid: channel.taskSid!,
        workspaceSid: world.taskFlow.integration.workspaceSid!,
      },
      startedAt: at,
      finishedAt: at,
    });
    return { requestId, channelSid: channel.sid, taskSid: channel.taskSid! };
  }

  it('rolls back a request the process stopped in: task canceled, session and channel removed', async () => {
    const crashed = await crashAfterChannel();
    // The session create reached Twilio, but the crash came before the journal heard of it.
    await world.twilio.proxySessionPort.createSession({
      uniqueName: crashed.channelSid,
      mode: 'message-only',
      participants: [{ identifier: CUSTOMER, proxyIdentifier: TWILIO_NUMBER }],
    });

    const resolution = await new ResolveInFlight(world.deps).execute();

    expect(resolution.rolledBack).toEqual([
      {
        requestId: crashed.requestId,
        idempotencyKey: 'k-1',
        caller: 'crm',
        undone: [
          { action: 'cancel-task', sid: crashed.taskSid, ok: true },
          { action: 'remove-proxy-session', sid: expect.stringMatching(/^KC/), ok: true },
          { action: 'remove-channel', sid: crashed.channelSid, ok: true },
        ],
      },
    ]);
    expect(world.twilio.tasks.get(crashed.taskSid)?.assignmentStatus).toBe('canceled');
    expect(world.twilio.sessions.size).toBe(0);
    expect(world.twilio.channels.size).toBe(0);
    expect(await world.journal.get(crashed.requestId)).toMatchObject({ status: 'rolled_back', error: { code: 'INTERRUPTED' } });
    expect(await world.journal.listUnresolved()).toEqual([]);
  });

  it('undoes the channel Flex made for a request that died before journaling it, found by the unique name it gave it', async () => {
    const requestId = await world.journal.begin(request, new Date(world.clock.now()));
    // Flex answered the create; the process died before the channel step reached the journal (the row has no steps).
    const made = await world.twilio.chatChannelPort.createFlexChannel({
      flexFlowSid: world.taskFlow.sid,
      identity: CUSTOMER,
      target: CUSTOMER,
      chatUserFriendlyName: 'Ada',
      chatFriendlyName: 'SMS',
      taskAttributes: {},
      chatUniqueName: flexChannelUniqueName(requestId),
    });
    const session = await world.twilio.proxySessionPort.createSession({
      uniqueName: made.sid,
      mode: 'message-only',
      participants: [{ identifier: CUSTOMER, proxyIdentifier: TWILIO_NUMBER }],
    });
    const someoneElse = world.twilio.seedConversation({ flow: world.taskFlow, identity: '+14155550999', customer: '+14155550999' });
    expect((await world.journal.get(requestId))?.steps).toEqual([]);

    const resolution = await new ResolveInFlight(world.deps).execute();

    expect(resolution.rolledBack).toEqual([
      {
        requestId,
        idempotencyKey: 'k-1',
        caller: 'crm',
        undone: [
          { action: 'cancel-task', sid: made.taskSid, ok: true },
          { action: 'remove-proxy-session', sid: session.sid, ok: true },
          { action: 'remove-channel', sid: made.sid, ok: true },
        ],
      },
    ]);
    expect(world.twilio.tasks.get(made.taskSid!)?.assignmentStatus).toBe('canceled');
    expect(world.twilio.sessions.has(session.sid)).toBe(false);
    expect([...world.twilio.channels.keys()]).toEqual([someoneElse.channelSid]);
    expect(world.twilio.tasks.get(someoneElse.taskSid!)?.assignmentStatus).toBe('assigned');
    expect(await world.journal.get(requestId)).toMatchObject({ status: 'rolled_back', error: { code: 'INTERRUPTED' } });
  });

  it("undoes nothing when Flex handed the unjournaled request the customer's existing channel (it keeps its own unique name)", async () => {
    const existing = world.twilio.seedConversation({ flow: world.studioFlow, identity: CUSTOMER, customer: CUSTOMER });
    const requestId = await world.journal.begin({ ...request, kind: 'system_sms', body: 'Hi' }, new Date(world.clock.now()));
    const handedBack = await world.twilio.chatChannelPort.createFlexChannel({
      flexFlowSid: world.studioFlow.sid,
      identity: CUSTOMER,
      target: CUSTOMER,
      chatUserFriendlyName: 'Ada',
      chatFriendlyName: 'SMS',
      chatUniqueName: flexChannelUniqueName(requestId),
    });
    expect(handedBack.sid).toBe(existing.channelSid);

    const resolution = await new ResolveInFlight(world.deps).execute();

    expect(resolution.rolledBack).toEqual([{ requestId, undone: [], idempotencyKey: 'k-1', caller: 'crm' }]);
    expect(world.twilio.operations()).toContain('fetchChannel');
    expect(world.twilio.channels.has(existing.channelSid)).toBe(true);
    expect(world.twilio.sessions.has(existing.sessionSid!)).toBe(true);
    expect(await world.journal.get(requestId)).toMatchObject({ status: 'failed', error: { code: 'INTERRUPTED' } });
  });

  it('waits out the Twilio request timeout first, so a create the dead process sent that lands late is undone too', async () => {
    const crashed = await crashAfterChannel();
    world.clock.advance(5_000); // the API restarted 5 s after the request's last recorded step
    // Twilio is still working on the session request the dead process sent: it completes during the wait.
    const sleep = world.clock.sleep.bind(world.clock);
    world.clock.sleep = async (ms: number) => {
      await sleep(ms);
      if (world.twilio.sessions.size === 0) {
        await world.twilio.proxySessionPort.createSession({
          uniqueName: crashed.channelSid,
          mode: 'message-only',
          participants: [{ identifier: CUSTOMER, proxyIdentifier: TWILIO_NUMBER }],
        });
      }
    };

    const resolution = await new ResolveInFlight(world.deps).execute();

    expect(world.clock.sleeps).toContain(world.deps.inFlightSettleMs - 5_000);
    expect(resolution.rolledBack[0].undone.map((undone) => undone.action)).toEqual(['cancel-task', 'remove-proxy-session', 'remove-channel']);
    expect(world.twilio.sessions.size).toBe(0);
  });

  it('does not wait for a request whose last activity is older than the Twilio request timeout', async () => {
    await crashAfterChannel();
    world.clock.advance(world.deps.inFlightSettleMs + 1);
    await new ResolveInFlight(world.deps).execute();
    expect(world.clock.sleeps).toEqual([]);
  });

  it('marks a request that crashed before creating anything as failed', async () => {
    const requestId = await world.journal.begin(request, new Date(world.clock.now()));

    const resolution = await new ResolveInFlight(world.deps).execute();

    expect(resolution.rolledBack).toEqual([{ requestId, undone: [], idempotencyKey: 'k-1', caller: 'crm' }]);
    expect((await world.journal.get(requestId))?.status).toBe('failed');
  });

  it('finishes the follow-up of a request that answered before the crash', async () => {
    const answered = await new InitiateAgentSms(world.deps).execute({ fromNumber: TWILIO_NUMBER, toNumber: CUSTOMER, toName: 'Ada', caller: 'crm' });

    const resolution = await new ResolveInFlight(world.deps).execute();

    expect(resolution).toEqual({
      rolledBack: [],
      followedUp: [{ requestId: answered.id, completed: ['channel-attributes'], postponed: [], failed: [] }],
    });
    expect(world.twilio.channels.get(answered.channel.sid)?.chat.attributes.proxySession).toBe(answered.proxySession!.sid);
    expect(world.twilio.channels.has(answered.channel.sid)).toBe(true);
  });

  it('keeps what the interrupted request made when a later request for the same customer has answered with it', async () => {
    const crashed = await crashAfterChannel();
    // Recovery was still waiting on another pair when a new request for this customer came: Flex handed the
    // half-built channel back, the request completed it and answered its caller.
    const later = await new InitiateAgentSms(world.deps).execute({ fromNumber: TWILIO_NUMBER, toNumber: CUSTOMER, toName: 'Ada', caller: 'crm' });
    expect(later.channel.sid).toBe(crashed.channelSid);

    const heard: string[] = [];
    const resolution = await new ResolveInFlight(world.deps).execute(async (rolledBack) => void heard.push(rolledBack.requestId));

    expect(resolution.rolledBack).toEqual([
      { requestId: crashed.requestId, undone: [], handedOverTo: later.id, idempotencyKey: 'k-1', caller: 'crm' },
    ]);
    expect(heard).toEqual([crashed.requestId]);
    expect(world.twilio.channels.has(crashed.channelSid)).toBe(true);
    expect(world.twilio.tasks.get(crashed.taskSid)?.assignmentStatus).not.toBe('canceled');
    expect([...world.twilio.sessions.values()].map(({ session }) => session.uniqueName)).toEqual([crashed.channelSid]);
    expect(await world.journal.get(crashed.requestId)).toMatchObject({
      status: 'failed',
      error: { code: 'INTERRUPTED', details: { handedOverTo: later.id } },
    });
  });

  it('waits for a live request holding the pair lock instead of rolling it back', async () => {
    let release!: () => void;
    const held = world.pairLock.withLock(`outbound-sms:${TWILIO_NUMBER}:${CUSTOMER}`, async () => {
      const requestId = await world.journal.begin(request, new Date(world.clock.now()));
      await new Promise<void>((resolve) => (release = resolve));
      await world.journal.finish(requestId, { status: 'succeeded', finishedAt: new Date(world.clock.now()) });
      return requestId;
    });
    await new Promise((resolve) => setImmediate(resolve));

    const resolving = new ResolveInFlight(world.deps).execute();
    release();
    const [requestId, resolution] = await Promise.all([held, resolving]);

    expect(resolution.rolledBack).toEqual([]);
    expect((await world.journal.get(requestId))?.status).toBe('succeeded');
  });

  it('removes the conversation a conversations-mode system SMS made before the crash kept it from the journal', async () => {
    const record: OutboundRequestRecord = { ...request, kind: 'system_sms', body: 'Hi', input: { mode: 'conversations' } };
    const requestId = await world.journal.begin(record, new Date(world.clock.now()));
    const made = await world.twilio.conversations.conversationPort.createConversation({
      friendlyName: 'SMS',
      uniqueName: conversationUniqueName(requestId),
    });
    const untouched = await world.twilio.conversations.conversationPort.createConversation({ friendlyName: 'SMS', uniqueName: 'someone-else' });

    const resolution = await new ResolveInFlight(world.deps).execute();

    expect(resolution.rolledBack).toEqual([
      { requestId, undone: [{ action: 'remove-conversation', sid: made.sid, ok: true }], idempotencyKey: 'k-1', caller: 'crm' },
    ]);
    expect([...world.twilio.conversations.conversations.keys()]).toEqual([untouched.sid]);
    expect(await world.journal.get(requestId)).toMatchObject({ status: 'rolled_back', error: { code: 'INTERRUPTED' } });
  });

  it('undoes nothing for a conversations-mode request that died before its conversation existed', async () => {
    const requestId = await world.journal.begin({ ...request, kind: 'system_sms', input: { mode: 'conversations' } }, new Date(world.clock.now()));

    const resolution = await new ResolveInFlight(world.deps).execute();

    expect(resolution.rolledBack).toEqual([{ requestId, undone: [], idempotencyKey: 'k-1', caller: 'crm' }]);
    expect(await world.journal.get(requestId)).toMatchObject({ status: 'failed' });
  });
});

describe('CompletePendingSteps', () => {
  it('keeps a follow-up pending while Twilio is unavailable, and finishes it on the next run', async () => {
    const world = outboundSmsWorld();
    const answered = await new InitiateAgentSms(world.deps).execute({ fromNumber: TWILIO_NUMBER, toNumber: CUSTOMER, toName: 'Ada', caller: 'crm' });
    world.twilio.failNext('fetchChannel', () => new TwilioTransientFailure('down', 'server_error', undefined, 503), { times: 10 });

    const first = await new CompletePendingSteps(world.deps).execute(answered.id);

    expect(first).toMatchObject({ completed: [], postponed: ['channel-attributes'] });
    expect((await world.journal.listUnresolved()).map((entry) => entry.id)).toEqual([answered.id]);

    world.twilio.clearFailures();
    const second = await new CompletePendingSteps(world.deps).execute(answered.id);

    expect(second.completed).toEqual(['channel-attributes']);
    expect((await world.journal.get(answered.id))?.pendingSteps[0]).toMatchObject({ status: 'done', attempts: 2 });
  });
});
