import type { HeldPairLock, PairLock } from '../ports/pair-lock.port';
import { CUSTOMER, outboundSmsWorld, TWILIO_NUMBER } from '../testing/outbound-sms.test-helpers';
import { ResolveInFlight } from '../use-cases/resolve-in-flight/resolve-in-flight.usecase';
import { SendSystemSms } from '../use-cases/send-system-sms/send-system-sms.usecase';

/** A pair lock the test loses mid-request, as the API's PostgreSQL lock is lost when its session dies. */
class LosablePairLock implements PairLock, HeldPairLock {
  isLost = false;

  constructor(private readonly lock: PairLock) {}

  withLock<T>(key: string, fn: (lock: HeldPairLock) => Promise<T>): Promise<T> {
    return this.lock.withLock(key, () => fn(this));
  }

  assertKept(): void {
    if (this.isLost) throw new Error('a lock this work held was lost with its database session');
  }
}

const command = { fromNumber: TWILIO_NUMBER, toName: 'Ada', toNumber: CUSTOMER, messageBody: 'Your order shipped.', caller: 'billing' };

describe('A request that loses its pair lock on the way', () => {
  it('undoes nothing itself and stays in flight; recovery then keeps what a later request for the customer answered with', async () => {
    const world = outboundSmsWorld();
    const lock = new LosablePairLock(world.pairLock);
    // The lock is lost while the Proxy Session request is out (the database restarted meanwhile): the request must
    // send Twilio nothing more (no channel attributes, no message), as the API fences a holder whose lock was lost.
    const createSession = world.deps.proxySessions.createSession.bind(world.deps.proxySessions);
    const sessionCreated = jest.spyOn(world.deps.proxySessions, 'createSession').mockImplementation(async (request) => {
      const session = await createSession(request);
      lock.isLost = true;
      return session;
    });

    await expect(new SendSystemSms({ ...world.deps, pairLock: lock }).execute(command)).rejects.toThrow('lost with its database session');
    sessionCreated.mockRestore();
    expect(world.twilio.operations()).not.toContain('postMessage');
    expect(world.twilio.operations()).not.toContain('updateChannelAttributes');

    const [interrupted] = await world.journal.listUnresolved();
    expect(interrupted).toMatchObject({
      status: 'in_flight',
      steps: [expect.objectContaining({ name: 'flex-flow' }), expect.objectContaining({ name: 'channel', outcome: 'created' })],
    });
    const channelSid = interrupted.steps[1].sids.channelSid;
    // Another request may hold the lock now and be using that channel: the interrupted one must not remove it.
    expect([...world.twilio.channels.keys()]).toEqual([channelSid]);
    expect(world.twilio.liveSessionsOf(CUSTOMER)).toHaveLength(1);

    const later = await new SendSystemSms(world.deps).execute({ ...command, messageBody: 'Second try' });
    expect(later.channel.sid).toBe(channelSid);
    const resolution = await new ResolveInFlight(world.deps).execute();

    expect(resolution.rolledBack).toEqual([expect.objectContaining({ requestId: interrupted.id, undone: [], handedOverTo: later.id })]);
    expect([...world.twilio.channels.keys()]).toEqual([channelSid]);
    expect(world.twilio.liveSessionsOf(CUSTOMER).map((session) => session.sid)).toEqual([later.proxySession!.sid]);
  });
});
