import { InMemoryJournal } from '../testing/in-memory-journal';
import type { OutboundRequestRecord } from '../ports/journal.port';
import { FakeClock } from '../testing/fake-clock';
import { StepRecorder } from './step-recorder';

const request: OutboundRequestRecord = { kind: 'system_sms', caller: 'test', fromNumber: '+15550100001', toNumber: '+14155550100', toName: 'Ada', channel: 'sms', body: 'Hi', idempotencyKey: null, input: {} };

/** Counts the journal's step writes: each is a database round trip on the request's response path. */
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
}

describe('StepRecorder', () => {
  let journal: CountingJournal;
  let steps: StepRecorder;

  beforeEach(async () => {
    journal = new CountingJournal();
    steps = new StepRecorder(journal, await journal.begin(request, new Date(0)), new FakeClock());
  });

  const resolved = () => steps.run('flex-flow', async () => ({ value: 'FO1', outcome: 'resolved' as const, sids: { flexFlowSid: 'FO1' } }));
  const created = () => steps.run('channel', async () => ({ value: 'CH1', outcome: 'created' as const, sids: { channelSid: 'CH1' } }));

  it('writes a look-up that changed nothing in Twilio together with the next step: one write for both, in order', async () => {
    await resolved();
    expect(journal.writes).toBe(0);
    expect(steps.steps.map((step) => step.name)).toEqual(['flex-flow']); // a rollback still knows it

    await created();
    expect(journal.writes).toBe(1);
    expect(journal.all()[0].steps.map((step) => [step.name, step.outcome])).toEqual([
      ['flex-flow', 'resolved'],
      ['channel', 'created'],
    ]);
  });

  it('writes a step that made something at once, and a failed step too', async () => {
    await created();
    expect(journal.writes).toBe(1);
    await expect(steps.run('proxy-session', async () => Promise.reject(new Error('down')))).rejects.toThrow('down');
    expect(journal.writes).toBe(2);
    expect(journal.all()[0].steps.map((step) => step.outcome)).toEqual(['created', 'failed']);
  });

  it('flushes what is left, once', async () => {
    await resolved();
    await steps.flush();
    await steps.flush();
    expect(journal.writes).toBe(1);
    expect(journal.all()[0].steps.map((step) => step.name)).toEqual(['flex-flow']);
  });
});
