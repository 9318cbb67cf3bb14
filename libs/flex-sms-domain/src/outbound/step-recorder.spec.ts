import { InMemoryJournal } from '../testing/in-memory-journal';
import type { OutboundRequestRecord, StepRecord } from '../ports/journal.port';
import { FakeClock } from '../testing/fake-clock';
import { StepRecorder } from './step-recorder';

const request: OutboundRequestRecord = {
  kind: 'system_sms',
  caller: 'test',
  fromNumber: '+15550100001',
  toNumber: '+14155550100',
  toName: 'Ada',
  channel: 'sms',
  body: 'Hi',
  idempotencyKey: null,
  input: {},
};

/** Counts the journal's writes: each is a database round trip on the request's response path. */
class CountingJournal extends InMemoryJournal {
  writes = 0;
  override async recordStep(...args: Parameters<InMemoryJournal['recordStep']>) {
    this.writes += 1;
    return super.recordStep(...args);
  }
  override async recordSteps(...args: Parameters<InMemoryJournal['recordSteps']>) {
    this.writes += 1;
    return super.recordSteps(...args);
  }
  override async recordClaim(...args: Parameters<InMemoryJournal['recordClaim']>) {
    this.writes += 1;
    return super.recordClaim(...args);
  }
  override async settlePendingStep(...args: Parameters<InMemoryJournal['settlePendingStep']>) {
    this.writes += 1;
    return super.settlePendingStep(...args);
  }
  override async finish(...args: Parameters<InMemoryJournal['finish']>) {
    this.writes += 1;
    return super.finish(...args);
  }
}

describe('StepRecorder', () => {
  let journal: CountingJournal;
  let steps: StepRecorder;

  beforeEach(async () => {
    journal = new CountingJournal();
    steps = new StepRecorder(journal, await journal.begin(request, new Date(0)), new FakeClock());
  });

  const written = () => journal.all()[0].steps.map((step) => [step.name, step.outcome]);
  const resolved = () => steps.run('flex-flow', async () => ({ value: 'FO1', outcome: 'resolved' as const, sids: { flexFlowSid: 'FO1' } }));
  const step =
    (name: StepRecord['name'], outcome: StepRecord['outcome'], sids: Record<string, string> = {}) =>
    () =>
      steps.run(name, async () => ({ value: undefined, outcome, sids }));
  const claimedChannel = (sid = 'CH1') =>
    steps.run('channel', async () => ({ value: (outcome: string) => outcome, claims: 'channelSid', sids: { channelSid: sid } }));

  it('writes a channel it made at once, together with the look-up before it: one write for both, in order', async () => {
    await resolved();
    expect(journal.writes).toBe(0);
    expect(steps.steps.map((recorded) => recorded.name)).toEqual(['flex-flow']); // a rollback still knows it

    expect(await claimedChannel()).toBe('created');
    expect(journal.writes).toBe(1);
    expect(written()).toEqual([
      ['flex-flow', 'resolved'],
      ['channel', 'created'],
    ]);
  });

  it('records a channel another request already journaled as reused: a rollback must leave it alone', async () => {
    const other = new StepRecorder(journal, await journal.begin(request, new Date(0)), new FakeClock());
    await other.run('channel', async () => ({ value: undefined, outcome: 'created', sids: { channelSid: 'CH1' } }));

    expect(await claimedChannel('CH1')).toBe('reused');
    expect(steps.steps.map((recorded) => recorded.outcome)).toEqual(['reused']);
    expect(await claimedChannel('CH2')).toBe('created');
  });

  it('keeps what recovery can find or need not undo for the next write: the session of a channel it made, a message, a failure', async () => {
    await claimedChannel();
    await step('proxy-session', 'created', { sessionSid: 'KC1' })();
    await step('channel-attributes', 'updated')();
    await step('stale-session', 'removed')();
    await expect(steps.run('proxy-session', async () => Promise.reject(new Error('down')))).rejects.toThrow('down');
    expect(journal.writes).toBe(1);
    expect(steps.steps.map((recorded) => recorded.outcome)).toEqual(['created', 'created', 'updated', 'removed', 'failed']);

    await steps.flush();
    expect(journal.writes).toBe(2);
    expect(written().map(([name]) => name)).toEqual(['channel', 'proxy-session', 'channel-attributes', 'stale-session', 'proxy-session']);
  });

  it('writes everything recorded before it texts the customer, and the message itself with the next write', async () => {
    await claimedChannel();
    await step('proxy-session', 'created', { sessionSid: 'KC1' })();
    const writesWhenPosted: number[] = [];
    await steps.run('message', async () => {
      writesWhenPosted.push(journal.writes);
      return { value: undefined, outcome: 'created', sids: { messageSid: 'IM1' } };
    });

    expect(writesWhenPosted).toEqual([2]);
    expect(written().map(([name]) => name)).toEqual(['channel', 'proxy-session']);
  });

  it('writes at once what only the journal could tell recovery: a session or attribute change on a channel it did not make, an interaction', async () => {
    await step('proxy-session', 'created', { sessionSid: 'KC1' })();
    expect(journal.writes).toBe(1);
    await step('channel-attributes', 'updated')();
    expect(journal.writes).toBe(2);
    await step('interaction', 'created', { interactionSid: 'KD1' })();
    expect(journal.writes).toBe(3);
  });

  it('finishes with everything still unwritten, follow-up work included, in one write', async () => {
    await resolved();
    steps.recordPending({ name: 'channel-attributes', payload: { channelSid: 'CH1' }, recordedAt: new Date(1) });
    await steps.finish({ status: 'succeeded', finishedAt: new Date(2), result: {} });

    expect(journal.writes).toBe(1);
    expect(journal.all()[0]).toMatchObject({
      status: 'succeeded',
      steps: [expect.objectContaining({ name: 'flex-flow' })],
      pendingSteps: [expect.objectContaining({ name: 'channel-attributes', status: 'pending' })],
    });
  });

  it('drops follow-up work when the request failed: there is nothing to follow up', async () => {
    steps.recordPending({ name: 'channel-attributes', payload: {}, recordedAt: new Date(1) });
    await steps.finish({ status: 'failed', finishedAt: new Date(2) });
    expect(journal.all()[0].pendingSteps).toEqual([]);
  });

  it('settles follow-up work with the steps it recorded, in one write, when told to write nothing at once', async () => {
    steps.recordPending({ name: 'channel-attributes', payload: {}, recordedAt: new Date(1) });
    await steps.finish({ status: 'succeeded', finishedAt: new Date(2), result: {} });
    const followUp = new StepRecorder(journal, steps.requestId, new FakeClock(), undefined, { journalAtOnce: () => false });
    const before = journal.writes;
    await followUp.run('channel-attributes', async () => ({ value: undefined, outcome: 'updated' as const, sids: { channelSid: 'CH1' } }));
    await followUp.settlePending('channel-attributes', { status: 'done', at: new Date(3) });

    expect(journal.writes - before).toBe(1);
    expect(journal.all()[0]).toMatchObject({
      steps: [expect.objectContaining({ name: 'channel-attributes' })],
      pendingSteps: [expect.objectContaining({ status: 'done', attempts: 1 })],
    });
  });

  it('flushes what is left, once', async () => {
    await resolved();
    await steps.flush();
    await steps.flush();
    expect(journal.writes).toBe(1);
    expect(written().map(([name]) => name)).toEqual(['flex-flow']);
  });

  it('runs no step once the pair lock is lost', async () => {
    const lost = {
      isLost: true,
      assertKept: () => {
        throw new Error('lock lost');
      },
    };
    const fenced = new StepRecorder(journal, steps.requestId, new FakeClock(), lost);
    const work = jest.fn(async () => ({ value: undefined, outcome: 'created' as const, sids: {} }));
    await expect(fenced.run('message', work)).rejects.toThrow('lock lost');
    expect(work).not.toHaveBeenCalled();
  });
});
