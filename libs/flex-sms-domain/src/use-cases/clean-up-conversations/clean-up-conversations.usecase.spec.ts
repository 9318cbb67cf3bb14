import { InvalidInput } from '../../errors';
import { CleanupJobRunner } from '../../cleanup-jobs/cleanup-job-runner';
import { InMemoryCleanupJobStore } from '../../testing/in-memory-cleanup-job-store';
import { TwilioRetrier } from '../../retry/twilio-retrier';
import { FakeAccount } from '../../testing/fake-account-ports';
import { FixedRandom } from '../../testing/fake-clock';
import { FAKE_WORKSPACE } from '../../testing/fake-twilio';
import { CleanUpConversations } from './clean-up-conversations.usecase';
import { ConversationCleanupHandler } from './conversation-cleanup.handler';

const NUMBER = '+15550100001';
const OTHER_NUMBER = '+15550100002';
const HOUR = 3_600_000;

function world() {
  const account = new FakeAccount();
  const conversations = account.twilio.conversations;
  const store = new InMemoryCleanupJobStore();
  const handler = new ConversationCleanupHandler({
    ...account.ports(),
    retrier: new TwilioRetrier(account.clock, new FixedRandom()),
    clock: account.clock,
    pageSize: 2,
  });
  const launched: string[] = [];
  const useCase = new CleanUpConversations(handler, { store, clock: account.clock, launcher: { launch: (id) => launched.push(id) } });
  const run = (jobId: string) => new CleanupJobRunner(store, new Map([[handler.kind, handler]]), account.clock, 'test').run(jobId);
  const stateOf = (sid: string) => conversations.conversations.get(sid)?.state;
  return { account, conversations, store, useCase, run, launched, stateOf };
}

describe('CleanUpConversations', () => {
  it('previews by state, age and number without closing anything, across list pages', async () => {
    const { account, conversations, useCase, stateOf } = world();
    const old = conversations.seed({ customer: '+14155550001', proxyAddress: NUMBER, createdAgoMs: 48 * HOUR });
    const oldInactive = conversations.seed({ customer: '+14155550002', proxyAddress: NUMBER, createdAgoMs: 30 * HOUR, state: 'inactive' });
    conversations.seed({ customer: '+14155550003', proxyAddress: OTHER_NUMBER, createdAgoMs: 48 * HOUR });
    conversations.seed({ customer: '+14155550004', proxyAddress: NUMBER, createdAgoMs: 1 * HOUR });
    conversations.seed({ customer: '+14155550005', proxyAddress: NUMBER, createdAgoMs: 99 * HOUR, state: 'closed' });
    account.twilio.resetLog();

    const preview = await useCase.preview({ olderThanHours: 24, number: NUMBER });

    expect(preview).toMatchObject({ kind: 'conversations', dryRun: true, total: 2, byStatus: { active: 1, inactive: 1 } });
    expect(preview.sample.map((candidate) => candidate.sid).sort()).toEqual([old.conversationSid, oldInactive.conversationSid].sort());
    expect(preview.sample[0].data).toMatchObject({ customerNumber: expect.stringMatching(/^\+1415555000[12]$/) });
    expect(account.twilio.operations()).not.toContain('closeConversation');
    expect(stateOf(old.conversationSid)).toBe('active');
  });

  it('closes each selected conversation, which frees the customer for a new one; leaves those an open task holds', async () => {
    const { conversations, useCase, run, launched, store, stateOf } = world();
    const stale = conversations.seed({ customer: '+14155550001', proxyAddress: NUMBER, createdAgoMs: 48 * HOUR });
    const held = conversations.seed({
      customer: '+14155550002',
      proxyAddress: NUMBER,
      createdAgoMs: 48 * HOUR,
      taskStatus: 'assigned',
      workspaceSid: FAKE_WORKSPACE,
    });
    const other = conversations.seed({ customer: '+14155550003', proxyAddress: OTHER_NUMBER, createdAgoMs: 48 * HOUR });

    const job = await useCase.start({ selection: { number: NUMBER }, requestedBy: 'test' });
    expect(launched).toEqual([job.id]);
    expect(job.options).toEqual({ keepWithOpenTask: true });
    await run(job.id);

    expect([stateOf(stale.conversationSid), stateOf(held.conversationSid), stateOf(other.conversationSid)]).toEqual(['closed', 'active', 'active']);
    expect(await store.counts(job.id)).toMatchObject({ total: 1, done: 1 });
    const reopened = await conversations.conversationPort.createConversation({ friendlyName: 'again', uniqueName: 'again' });
    await expect(
      conversations.conversationPort.addSmsParticipant(reopened.sid, { address: '+14155550001', proxyAddress: NUMBER }),
    ).resolves.toMatchObject({ address: '+14155550001' });
  });

  it('closes a conversation held by a task when asked to, and leaves out one closed since the job was asked for', async () => {
    const { conversations, useCase, run, store, stateOf } = world();
    const held = conversations.seed({ customer: '+14155550002', proxyAddress: NUMBER, taskStatus: 'wrapping', workspaceSid: FAKE_WORKSPACE });
    const closedMeanwhile = conversations.seed({ customer: '+14155550003', proxyAddress: NUMBER });

    const job = await useCase.start({
      selection: { conversationSids: [held.conversationSid, closedMeanwhile.conversationSid] },
      options: { keepWithOpenTask: false },
      requestedBy: 'test',
    });
    await conversations.conversationPort.closeConversation(closedMeanwhile.conversationSid);
    await run(job.id);

    expect(stateOf(held.conversationSid)).toBe('closed');
    expect(await store.counts(job.id)).toMatchObject({ total: 1, done: 1 });
  });

  it('refuses an empty selection or a closed state, so nothing is closed by accident', async () => {
    const { useCase } = world();
    await expect(useCase.start({ selection: {}, requestedBy: 'test' })).rejects.toBeInstanceOf(InvalidInput);
    await expect(useCase.preview({ states: ['closed'] })).rejects.toThrow('states');
    await expect(useCase.preview({ conversationSids: ['KC1'] })).rejects.toThrow('conversationSids[0]');
  });
});
