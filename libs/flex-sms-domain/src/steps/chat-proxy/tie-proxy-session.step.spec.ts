import { ParticipantConflict, ProxyIdentifierInUse } from '../../errors';
import { CUSTOMER, outboundSmsWorld, TWILIO_NUMBER, type OutboundSmsWorld } from '../../testing/outbound-sms.test-helpers';
import { InitiateAgentSms } from '../../use-cases/initiate-agent-sms/initiate-agent-sms.usecase';
import { SendSystemSms } from '../../use-cases/send-system-sms/send-system-sms.usecase';

const command = { fromNumber: TWILIO_NUMBER, toName: 'Ada', toNumber: CUSTOMER, caller: 'test' };

/** The session step through the agent flow: how it reuses, recovers and refuses. */
describe('tying the channel to the customer (proxy-session step)', () => {
  let world: OutboundSmsWorld;
  let useCase: InitiateAgentSms;

  beforeEach(() => {
    world = outboundSmsWorld();
    useCase = new InitiateAgentSms(world.deps);
  });

  it('never reuses a closed session: it deletes it (it holds the UniqueName) and creates a live one', async () => {
    const seeded = world.twilio.seedConversation({ flow: world.taskFlow, identity: CUSTOMER, customer: CUSTOMER, sessionStatus: 'closed' });

    const result = await useCase.execute(command);

    expect(result.channel.sid).toBe(seeded.channelSid);
    expect(result.reused).toEqual({ channel: true, session: false });
    expect(result.proxySession).toMatchObject({ status: 'open', uniqueName: seeded.channelSid });
    expect(world.twilio.sessions.has(seeded.sessionSid!)).toBe(false);
    expect(world.journal.all()[0].steps.map((step) => [step.name, step.outcome])).toEqual([
      ['flex-flow', 'resolved'],
      ['channel', 'reused'],
      ['stale-session', 'removed'],
      ['proxy-session', 'created'],
    ]);
  });

  it("reuses the conflicting session when it is our channel's (named otherwise)", async () => {
    const seeded = world.twilio.seedConversation({ flow: world.taskFlow, identity: CUSTOMER, customer: CUSTOMER });
    world.twilio.sessions.get(seeded.sessionSid!)!.session.uniqueName = 'legacy-name';
    world.twilio.failNext('createSession', () => new ProxyIdentifierInUse('in use', 80604, seeded.sessionSid!));

    const result = await useCase.execute(command);

    expect(result.proxySession!.sid).toBe(seeded.sessionSid);
    expect(result.reused.session).toBe(true);
  });

  it('closes a session left by an inactive conversation, and retries once', async () => {
    const stale = world.twilio.seedConversation({ flow: world.studioFlow, identity: CUSTOMER, customer: CUSTOMER, inactive: true });

    const result = await useCase.execute(command);

    expect(world.twilio.sessions.get(stale.sessionSid!)?.session.status).toBe('closed');
    expect(result.reused).toEqual({ channel: false, session: false });
    expect(world.twilio.liveSessionsOf(CUSTOMER).map((session) => session.sid)).toEqual([result.proxySession!.sid]);
    const staleStep = world.journal.all()[0].steps.find((step) => step.name === 'stale-session');
    expect(staleStep).toMatchObject({ outcome: 'closed', sids: { sessionSid: stale.sessionSid, channelSid: stale.channelSid } });
  });

  it('closes a session whose channel is gone', async () => {
    const stale = world.twilio.seedConversation({ flow: world.studioFlow, identity: CUSTOMER, customer: CUSTOMER });
    world.twilio.channels.delete(stale.channelSid);
    world.twilio.failNext('createSession', () => new ProxyIdentifierInUse('in use', 80623, stale.sessionSid!));

    const result = await useCase.execute(command);

    expect(world.twilio.sessions.get(stale.sessionSid!)?.session.status).toBe('closed');
    expect(result.proxySession!.sid).not.toBe(stale.sessionSid);
  });

  it("finds the session of a deleted channel an earlier request made, when Twilio's error does not name it", async () => {
    const earlier = await new SendSystemSms(world.deps).execute({ ...command, messageBody: 'Your parcel is on its way' });
    world.twilio.channels.delete(earlier.channel.sid); // e.g. removed by hand in the Console; its session lives on
    world.twilio.failNext('createSession', () => new ProxyIdentifierInUse('in use', 80604));

    const result = await useCase.execute(command);

    expect(world.twilio.sessions.get(earlier.proxySession!.sid)?.session.status).toBe('closed');
    expect(world.twilio.liveSessionsOf(CUSTOMER).map((session) => session.sid)).toEqual([result.proxySession!.sid]);
    const staleStep = world.journal.all()[1].steps.find((step) => step.name === 'stale-session');
    expect(staleStep).toMatchObject({
      outcome: 'closed',
      sids: { sessionSid: earlier.proxySession!.sid, channelSid: earlier.channel.sid },
      data: { reason: 'channel gone' },
    });
  });

  it('refuses with the conflicting channel, session and task when a live conversation holds the customer, and undoes its own', async () => {
    const live = world.twilio.seedConversation({ flow: world.studioFlow, identity: CUSTOMER, customer: CUSTOMER });
    const liveTask = world.twilio.seedConversation({ flow: world.taskFlow, identity: 'someone-else', customer: '+14155550999' });

    const failure = await useCase.execute(command).catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(ParticipantConflict);
    expect(failure).toMatchObject({
      code: 'PARTICIPANT_CONFLICT',
      twilioCode: 80604,
      details: {
        customerNumber: CUSTOMER,
        proxyNumber: TWILIO_NUMBER,
        conflictingSessionSid: live.sessionSid,
        conflictingChannelSid: live.channelSid,
      },
    });
    expect(world.twilio.sessions.get(live.sessionSid!)?.session.status).toBe('open');
    expect(world.twilio.channels.has(live.channelSid)).toBe(true);
    expect(world.twilio.channels.has(liveTask.channelSid)).toBe(true);
    const [entry] = world.journal.all();
    expect(entry.status).toBe('rolled_back');
    // No session was made, so there is none to remove.
    expect(entry.undone.map((undone) => undone.action)).toEqual(['cancel-task', 'remove-channel']);
  });

  it('names the conflicting task when the live conversation has one', async () => {
    const otherFlow = world.twilio.addFlow({
      contactIdentity: TWILIO_NUMBER,
      integrationType: 'task',
      enabled: false,
      friendlyName: 'older task flow',
    });
    const live = world.twilio.seedConversation({ flow: otherFlow, identity: CUSTOMER, customer: CUSTOMER });

    const failure = await useCase.execute(command).catch((error: unknown) => error);

    expect(failure).toMatchObject({ details: { conflictingTaskSid: live.taskSid, conflictingChannelSid: live.channelSid } });
  });

  it('refuses without details when the conflicting session cannot be found, rather than guessing', async () => {
    world.twilio.failNext('createSession', () => new ProxyIdentifierInUse('in use', 80604));

    const failure = await useCase.execute(command).catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(ParticipantConflict);
    expect((failure as ParticipantConflict).conflict.conflictingSessionSid).toBeUndefined();
    expect(world.twilio.count('closeSession')).toBe(0);
  });

  it('retries the stale-session recovery only once', async () => {
    const stale = world.twilio.seedConversation({ flow: world.studioFlow, identity: CUSTOMER, customer: CUSTOMER, inactive: true });
    world.twilio.failNext('createSession', () => new ProxyIdentifierInUse('in use', 80604, stale.sessionSid!), { times: 2 });

    await expect(useCase.execute(command)).rejects.toBeInstanceOf(ParticipantConflict);
    expect(world.twilio.count('createSession')).toBe(2);
  });

  it('treats a session that appeared under our UniqueName meanwhile as reused', async () => {
    const seeded = world.twilio.seedConversation({
      flow: world.taskFlow,
      identity: CUSTOMER,
      customer: CUSTOMER,
      sessionStatus: null,
      createdAgoMs: 0,
    });
    // A channel just made that the journal never saw: the step goes straight to create, and finds the name taken.
    await world.twilio.proxySessionPort.createSession({
      uniqueName: seeded.channelSid,
      mode: 'message-only',
      participants: [{ identifier: seeded.channelSid, proxyIdentifier: TWILIO_NUMBER }],
    });

    const result = await useCase.execute(command);

    expect(result.reused).toEqual({ channel: false, session: true });
    expect(world.twilio.sessions.size).toBe(1);
  });
});
