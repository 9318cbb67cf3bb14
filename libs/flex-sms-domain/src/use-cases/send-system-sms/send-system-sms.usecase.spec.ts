import { FlexFlowDisabled, InvalidInput, TwilioRequestFailed, TwilioTransientFailure } from '../../errors';
import { CUSTOMER, outboundSmsWorld, TWILIO_NUMBER, type OutboundSmsWorld } from '../../testing/outbound-sms.test-helpers';
import { SendSystemSms } from './send-system-sms.usecase';

const command = { fromNumber: TWILIO_NUMBER, toName: 'Ada', toNumber: CUSTOMER, messageBody: 'Your order shipped.', caller: 'billing' };

describe('SendSystemSms', () => {
  let world: OutboundSmsWorld;
  let useCase: SendSystemSms;

  beforeEach(() => {
    world = outboundSmsWorld();
    useCase = new SendSystemSms(world.deps);
  });

  it('goes through the Studio flow: channel, then session ∥ channel fetch, then attribute write ∥ message — three round trips', async () => {
    await world.deps.flexFlowDirectory.list();
    world.twilio.resetLog();

    const result = await useCase.execute(command);

    expect(world.twilio.calls).toEqual([
      { operation: 'createFlexChannel', round: 1 },
      { operation: 'createSession', round: 2 },
      { operation: 'fetchChannel', round: 2 },
      { operation: 'updateChannelAttributes', round: 3 },
      { operation: 'postMessage', round: 3 },
    ]);
    expect(result).toMatchObject({
      flexFlow: { sid: world.studioFlow.sid, integrationType: 'studio' },
      message: { body: 'Your order shipped.' },
      pendingSteps: [],
    });
    expect(result.task).toBeUndefined();
    expect(world.twilio.tasks.size).toBe(0);
    expect(world.twilio.channels.get(result.channel.sid)?.chat.attributes).toMatchObject({
      status: 'ACTIVE',
      proxySession: result.proxySession!.sid,
    });
    expect(world.followUps).toEqual([]);
  });

  it('journals the request before Twilio is called, then every step, then the outcome', async () => {
    const result = await useCase.execute(command);

    const entry = (await world.journal.get(result.id))!;
    expect(entry).toMatchObject({ kind: 'system_sms', caller: 'billing', body: 'Your order shipped.', status: 'succeeded', idempotencyKey: null });
    expect(entry.steps.map((step) => [step.name, step.outcome])).toEqual([
      ['flex-flow', 'resolved'],
      ['channel', 'created'],
      ['proxy-session', 'created'],
      ['channel-attributes', 'updated'],
      ['message', 'created'],
    ]);
    expect(entry.result).toMatchObject({ proxySession: { sid: result.proxySession!.sid } });
  });

  it('does not rewrite the attribute when the reused channel already names the session', async () => {
    await useCase.execute(command);
    world.clock.advance(5_000);
    world.twilio.resetLog();

    const second = await useCase.execute({ ...command, messageBody: 'Second' });

    expect(second.reused).toEqual({ channel: true, session: true });
    expect(world.twilio.operations()).toEqual(['createFlexChannel', 'fetchSession', 'fetchChannel', 'postMessage']);
  });

  it('tells a channel Flex handed back from a new one even seconds later, through the journal', async () => {
    const first = await useCase.execute(command);
    world.clock.advance(500);

    const second = await useCase.execute({ ...command, messageBody: 'Second' });

    expect(second.channel.sid).toBe(first.channel.sid);
    expect(second.reused.channel).toBe(true);
  });

  it('reports a disabled Studio flow', async () => {
    world.studioFlow.enabled = false;

    await expect(useCase.execute(command)).rejects.toBeInstanceOf(FlexFlowDisabled);
    expect(world.twilio.count('createFlexChannel')).toBe(0);
  });

  it('does not text the customer twice when the message response was lost: it finds its own message', async () => {
    world.twilio.failNext('postMessage', () => new TwilioTransientFailure('socket hang up', 'connection'), { afterEffect: true });

    const result = await useCase.execute(command);

    expect(world.twilio.messages.get(result.channel.sid)).toHaveLength(1);
    expect(result.message?.sid).toBe(world.twilio.messages.get(result.channel.sid)![0].sid);
    expect(world.twilio.count('listRecentMessages')).toBe(1);
  });

  it('does not create a second session when the create response was lost', async () => {
    world.twilio.failNext('createSession', () => new TwilioTransientFailure('Service Unavailable', 'server_error', undefined, 503), {
      afterEffect: true,
    });

    const result = await useCase.execute(command);

    expect(world.twilio.sessions.size).toBe(1);
    expect(result.reused.session).toBe(false);
    expect(world.twilio.count('createSession')).toBe(1);
  });

  it('undoes the session and channel it made when the attribute write fails for good', async () => {
    world.twilio.failNext('updateChannelAttributes', () => new TwilioRequestFailed('Bad attributes', 400, 50212));

    await expect(useCase.execute(command)).rejects.toBeInstanceOf(TwilioRequestFailed);

    expect(world.twilio.sessions.size).toBe(0);
    expect(world.twilio.channels.size).toBe(0);
    expect(world.journal.all()[0].undone).toEqual([
      { action: 'remove-proxy-session', sid: expect.stringMatching(/^KC/), ok: true },
      { action: 'remove-channel', sid: expect.stringMatching(/^CH/), ok: true },
    ]);
  });

  it('on a reused channel, undoes only its own session and puts the attribute back', async () => {
    const old = world.twilio.seedConversation({ flow: world.studioFlow, identity: CUSTOMER, customer: CUSTOMER, sessionStatus: 'closed' });
    world.twilio.failNext('postMessage', () => new TwilioRequestFailed('Refused', 400, 50301));

    await expect(useCase.execute(command)).rejects.toBeInstanceOf(TwilioRequestFailed);

    const channel = world.twilio.channels.get(old.channelSid)!;
    expect(channel.chat.attributes.proxySession).toBe(old.sessionSid);
    expect(world.twilio.sessions.size).toBe(0);
    expect(world.journal.all()[0].undone.map((undone) => undone.action)).toEqual(['restore-channel-attributes', 'remove-proxy-session']);
  });

  it('requires a message body within the SMS limit', async () => {
    await expect(useCase.execute({ ...command, messageBody: ' ' })).rejects.toBeInstanceOf(InvalidInput);
    await expect(useCase.execute({ ...command, messageBody: 'x'.repeat(1601) })).rejects.toThrow('at most 1600');
  });
});
