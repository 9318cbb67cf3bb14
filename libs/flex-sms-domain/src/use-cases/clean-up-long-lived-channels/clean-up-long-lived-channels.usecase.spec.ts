import { CleanupJobRunner } from '../../cleanup-jobs/cleanup-job-runner';
import { InMemoryCleanupJobStore } from '../../testing/in-memory-cleanup-job-store';
import { TwilioRetrier } from '../../retry/twilio-retrier';
import { FakeAccount } from '../../testing/fake-account-ports';
import { FixedRandom } from '../../testing/fake-clock';
import { CleanUpLongLivedChannels } from './clean-up-long-lived-channels.usecase';
import { LongLivedChannelCleanupHandler } from './long-lived-channel-cleanup.handler';

const HOUR = 3_600_000;

function world() {
  const account = new FakeAccount();
  const longLived = account.addFlowsFor('+15550100001').task;
  longLived.longLived = true;
  const shortLived = account.addFlowsFor('+15550100002').task;
  const seed = (flow: typeof longLived, customer: string, idleHours: number) => {
    const { channelSid } = account.twilio.seedConversation({
      flow,
      identity: customer,
      customer,
      sessionStatus: null,
      createdAgoMs: idleHours * HOUR,
    });
    account.flexChannels.push({
      sid: channelSid,
      flexFlowSid: flow.sid,
      userSid: null,
      taskSid: null,
      dateCreated: new Date(account.clock.now() - idleHours * HOUR),
    });
    return channelSid;
  };
  const handler = new LongLivedChannelCleanupHandler({
    ...account.ports(),
    retrier: new TwilioRetrier(account.clock, new FixedRandom()),
    clock: account.clock,
    pageSize: 2,
  });
  const store = new InMemoryCleanupJobStore();
  const useCase = new CleanUpLongLivedChannels(handler, { store, clock: account.clock, launcher: { launch: () => undefined } });
  return { account, longLived, shortLived, seed, handler, store, useCase };
}

describe('CleanUpLongLivedChannels', () => {
  it('selects channels of long-lived flows idle past the threshold; recent messages count as activity', async () => {
    const { account, longLived, shortLived, seed, useCase } = world();
    const idle = seed(longLived, '+14155550001', 100);
    const chatty = seed(longLived, '+14155550002', 100);
    await account.ports().messages.postMessage('IS', chatty, { body: 'still here' });
    seed(longLived, '+14155550003', 1);
    seed(shortLived, '+14155550004', 100);

    const preview = await useCase.preview({ idleForHours: 48 });

    expect(preview.total).toBe(1);
    expect(preview.sample.map((candidate) => candidate.sid)).toEqual([idle]);
  });

  it('clears the long-lived flag and sets the channel INACTIVE', async () => {
    const { account, longLived, seed, useCase, handler, store } = world();
    const idle = seed(longLived, '+14155550001', 100);
    account.twilio.channels.get(idle)!.chat.attributes.long_lived = true;

    const job = await useCase.start({ selection: { idleForHours: 48 }, requestedBy: 'test' });
    await new CleanupJobRunner(store, new Map([[handler.kind, handler]]), account.clock, 'test').run(job.id);

    expect(account.twilio.channels.get(idle)!.chat.attributes).toMatchObject({ long_lived: false, status: 'INACTIVE' });
    expect(await store.counts(job.id)).toMatchObject({ total: 1, done: 1 });
  });
});
