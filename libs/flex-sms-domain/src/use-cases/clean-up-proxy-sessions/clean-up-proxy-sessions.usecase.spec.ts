import { InvalidInput } from '../../errors';
import { CleanupJobRunner } from '../../cleanup-jobs/cleanup-job-runner';
import { InMemoryCleanupJobStore } from '../../testing/in-memory-cleanup-job-store';
import { TwilioRetrier } from '../../retry/twilio-retrier';
import { FakeAccount } from '../../testing/fake-account-ports';
import { FixedRandom } from '../../testing/fake-clock';
import { FAKE_CHAT_SERVICE } from '../../testing/fake-twilio';
import { CleanUpProxySessions } from './clean-up-proxy-sessions.usecase';
import { ProxySessionCleanupHandler } from './proxy-session-cleanup.handler';

const NUMBER = '+15550100001';
const OTHER_NUMBER = '+15550100002';

function world() {
  const account = new FakeAccount();
  const flows = { first: account.addFlowsFor(NUMBER), second: account.addFlowsFor(OTHER_NUMBER) };
  const store = new InMemoryCleanupJobStore();
  const ports = account.ports();
  const handler = new ProxySessionCleanupHandler({
    ...ports,
    retrier: new TwilioRetrier(account.clock, new FixedRandom()),
    clock: account.clock,
    chatServiceSid: FAKE_CHAT_SERVICE,
    pageSize: 3,
  });
  const launched: string[] = [];
  const useCase = new CleanUpProxySessions(handler, { store, clock: account.clock, launcher: { launch: (id) => launched.push(id) } });
  const runner = new CleanupJobRunner(store, new Map([[handler.kind, handler]]), account.clock, 'test');
  return { account, flows, store, useCase, runner, launched };
}

describe('CleanUpProxySessions', () => {
  it('previews by status and age without touching anything', async () => {
    const { account, flows, useCase } = world();
    account.twilio.seedConversation({ flow: flows.first.task, identity: 'a', customer: '+14155550001', sessionStatus: 'closed' });
    account.clock.advance(10 * 3_600_000);
    account.twilio.seedConversation({ flow: flows.first.task, identity: 'b', customer: '+14155550002', sessionStatus: 'closed' });
    account.twilio.seedConversation({ flow: flows.first.task, identity: 'c', customer: '+14155550003', sessionStatus: 'open' });
    account.twilio.resetLog();

    const preview = await useCase.preview({ statuses: ['closed'], olderThanHours: 5 });

    expect(preview).toMatchObject({ total: 1, byStatus: { closed: 1 } });
    expect(account.twilio.operations().every((operation) => !['closeSession', 'removeSession', 'updateChannelAttributes'].includes(operation))).toBe(
      true,
    );
    expect(account.twilio.sessions.size).toBe(3);
  });

  it('closes, marks the channel INACTIVE, then deletes each session of the selected number', async () => {
    const { account, flows, useCase, runner, launched } = world();
    const mine = account.twilio.seedConversation({ flow: flows.first.task, identity: 'a', customer: '+14155550001', sessionStatus: 'open' });
    const other = account.twilio.seedConversation({ flow: flows.second.task, identity: 'b', customer: '+14155550002', sessionStatus: 'open' });

    const job = await useCase.start({ selection: { number: NUMBER }, requestedBy: 'test' });
    expect(launched).toEqual([job.id]);
    await runner.run(job.id);

    expect(account.twilio.sessions.has(mine.sessionSid!)).toBe(false);
    expect(account.twilio.channels.get(mine.channelSid)!.chat.attributes.status).toBe('INACTIVE');
    expect(account.twilio.sessions.has(other.sessionSid!)).toBe(true);
    expect(account.twilio.channels.get(other.channelSid)!.chat.attributes.status).toBe('ACTIVE');
    const order = account.twilio.operations().filter((operation) => ['closeSession', 'updateChannelAttributes', 'removeSession'].includes(operation));
    expect(order).toEqual(['closeSession', 'updateChannelAttributes', 'removeSession']);
  });

  it('refuses an empty selection, so nothing is cleaned by accident', async () => {
    const { useCase } = world();
    await expect(useCase.start({ selection: {}, requestedBy: 'test' })).rejects.toBeInstanceOf(InvalidInput);
    await expect(useCase.preview({ sessionSids: ['CH1'] })).rejects.toThrow('sessionSids[0]');
  });
});
