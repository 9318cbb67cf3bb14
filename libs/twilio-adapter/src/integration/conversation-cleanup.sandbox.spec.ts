import { CleanUpConversations, CleanupJobRunner, ConversationCleanupHandler, TwilioRetrier, mathRandom, systemClock } from '@flex-sms/domain';
import { InMemoryCleanupJobStore } from '@flex-sms/domain/testing';
// Test-only: the adapter is verified against the sandbox over HTTP; production code never imports it.
import { DEMO_NUMBERS } from '@flex-sms/twilio-sandbox';
import { createTwilioPorts } from '../twilio-ports.factory';
import { rebuildUseCases, startSandboxWorld, type SandboxWorld } from './sandbox-world.test-helpers';

const TWILIO_NUMBER = DEMO_NUMBERS[0];
const FREE_CUSTOMER = '+14155550201';
const HELD_CUSTOMER = '+14155550202';

describe('conversation clean-up over the official SDK against the sandbox', () => {
  let world: SandboxWorld;

  beforeAll(async () => {
    world = await startSandboxWorld();
    rebuildUseCases(world, { defaultMode: 'conversations', conversationsNumbers: [] });
  });
  afterAll(() => world.sandbox.close());

  function cleanup() {
    const { accountSid, proxyServiceSid } = world.sandbox.account;
    const ports = createTwilioPorts(world.client, { accountSid, proxyServiceSid });
    // Page size 1: selection must follow Twilio's next-page tokens.
    const handler = new ConversationCleanupHandler({
      ...ports,
      retrier: new TwilioRetrier(systemClock, mathRandom),
      clock: systemClock,
      pageSize: 1,
    });
    const store = new InMemoryCleanupJobStore();
    const useCase = new CleanUpConversations(handler, { store, clock: systemClock, launcher: { launch: () => undefined } });
    const run = (jobId: string) => new CleanupJobRunner(store, new Map([[handler.kind, handler]]), systemClock, 'test').run(jobId);
    return { ports, useCase, store, run };
  }

  it('closes the number’s conversations no task holds (freeing the customer for a new one), after a dry run that changes nothing', async () => {
    const free = await world.sendSystemSms.execute({
      fromNumber: TWILIO_NUMBER,
      toNumber: FREE_CUSTOMER,
      toName: 'Ada',
      messageBody: 'Your order shipped.',
      caller: 'crm',
    });
    const held = await world.initiateAgentSms.execute({ fromNumber: TWILIO_NUMBER, toNumber: HELD_CUSTOMER, toName: 'Grace', caller: 'agent' });
    const { useCase, store, run, ports } = cleanup();

    const preview = await useCase.preview({ number: TWILIO_NUMBER });
    expect(preview).toMatchObject({
      total: 1,
      byStatus: { active: 1 },
      sample: [{ sid: free.conversation!.sid, data: { customerNumber: FREE_CUSTOMER } }],
    });
    expect((await world.client.conversations.v1.conversations(free.conversation!.sid).fetch()).state).toBe('active');

    const job = await useCase.start({ selection: { number: TWILIO_NUMBER }, requestedBy: 'test' });
    await run(job.id);

    expect(await store.counts(job.id)).toMatchObject({ total: 1, done: 1, failed: 0 });
    expect((await world.client.conversations.v1.conversations(free.conversation!.sid).fetch()).state).toBe('closed');
    expect((await world.client.conversations.v1.conversations(held.conversation!.sid).fetch()).state).toBe('active');
    // Closing is safe to repeat: Twilio's 50377 (already closed) is "nothing to close".
    await expect(ports.conversations.closeConversation(free.conversation!.sid)).resolves.toBe(false);
    await expect(ports.conversations.closeConversation('CH' + '0'.repeat(32))).resolves.toBe(false);

    const again = await world.sendSystemSms.execute({
      fromNumber: TWILIO_NUMBER,
      toNumber: FREE_CUSTOMER,
      toName: 'Ada',
      messageBody: 'And again.',
      caller: 'crm',
    });
    expect(again).toMatchObject({ reused: { conversation: false } });
    expect(again.conversation!.sid).not.toBe(free.conversation!.sid);
  });
});
