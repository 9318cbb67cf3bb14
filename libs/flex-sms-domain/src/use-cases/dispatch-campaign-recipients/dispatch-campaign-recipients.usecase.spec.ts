import { TwilioTransientFailure, TwilioUnavailable } from '../../errors';
import type { OutboundSmsResult } from '../../outbound/outbound-sms.result';
import { FakeClock } from '../../testing/fake-clock';
import { InMemoryCampaignStore } from '../../testing/in-memory-campaign-store';
import { InMemoryConsentRegister } from '../../testing/in-memory-consent-register';
import { CreateCampaign } from '../create-campaign/create-campaign.usecase';
import type { SendSystemSmsCommand } from '../send-system-sms/send-system-sms.command';
import { CARRIER_FILTERED_ERROR, DispatchCampaignRecipients } from './dispatch-campaign-recipients.usecase';

const SENDER = '+15550100001';
const customer = (index: number) => `+1415555${String(2000 + index).padStart(4, '0')}`;
const ANY_TIME = { sendFrom: '00:00', sendUntil: '00:00' };

describe('DispatchCampaignRecipients', () => {
  let store: InMemoryCampaignStore;
  let clock: FakeClock;
  let sent: SendSystemSmsCommand[];
  let failWith: unknown[];

  const send = async (command: SendSystemSmsCommand): Promise<OutboundSmsResult> => {
    const failure = failWith.shift();
    if (failure) throw failure;
    sent.push(command);
    return { id: `req-${sent.length}` } as OutboundSmsResult;
  };
  const dispatch = () => new DispatchCampaignRecipients({ store, clock, sendSystemSms: send, backoffBaseMs: 1_000 });
  const campaign = (count: number, extra: Record<string, unknown> = {}) =>
    new CreateCampaign({
      store,
      clock,
      consent: new InMemoryConsentRegister(),
      liveConversations: { liveConversations: async () => new Map() },
    }).execute({
      name: 'C',
      body: 'Hello {{name}}',
      senders: [SENDER],
      pacingPerSecond: 2,
      quietHours: ANY_TIME,
      recipients: Array.from({ length: count }, (_, index) => ({ row: index + 1, number: customer(index), name: `N${index}` })),
      caller: 'api-key:1',
      ...extra,
    });

  beforeEach(() => {
    store = new InMemoryCampaignStore();
    clock = new FakeClock(Date.parse('2026-06-01T12:00:00Z'));
    sent = [];
    failWith = [];
  });

  it('sends each recipient once at the pacing, under the (campaign, recipient) idempotency key, then completes', async () => {
    const created = await campaign(3);
    const started = clock.now();
    while ((await dispatch().dispatchNext('instance-1')).kind !== 'idle');
    expect(sent.map((command) => [command.toNumber, command.messageBody, command.idempotencyKey])).toEqual([
      [customer(0), 'Hello N0', `campaign:${created.id}:0`],
      [customer(1), 'Hello N1', `campaign:${created.id}:1`],
      [customer(2), 'Hello N2', `campaign:${created.id}:2`],
    ]);
    // 2 a second: the third send waited two intervals (the fake clock only moves when slept on).
    expect(clock.now() - started).toBe(1_000);
    expect((await store.get(created.id))?.status).toBe('completed');
  });

  it('backs off on a 429 and sends the recipient later, but settles failed what may have been texted', async () => {
    const created = await campaign(2);
    failWith = [new TwilioUnavailable('create Flex channel', 1, new TwilioTransientFailure('Too many requests', 'throttled', 1_000, 429))];
    expect((await dispatch().dispatchNext('i')).kind).toBe('backed-off');
    expect((await store.get(created.id))?.backoffLevel).toBe(1);
    failWith = [
      new TwilioUnavailable('post Conversation message', 1, new TwilioTransientFailure('Service unavailable', 'server_error', undefined, 503)),
    ];
    clock.advance(1_000);
    expect((await dispatch().dispatchNext('i')).kind).toBe('failed');
    clock.advance(5_000);
    while ((await dispatch().dispatchNext('i')).kind !== 'idle') clock.advance(1_000);
    expect(await store.countsByState(created.id)).toEqual({ sent: 1, failed: 1 });
    expect(sent).toHaveLength(1);
  });

  it('settles abandoned claims from the journal: sent, failed, in flight kept, never journaled requeued', async () => {
    const created = await campaign(4);
    for (let index = 0; index < 4; index++) expect(await store.claimNext('dead', new Date(clock.now() + 10_000 * (index + 1)), 0)).not.toBeNull();
    store.journal.set(`campaign:${created.id}:0`, { id: 'req-a', status: 'succeeded', error: null });
    store.journal.set(`campaign:${created.id}:1`, { id: 'req-b', status: 'rolled_back', error: { code: 'X', message: 'undone' } });
    store.journal.set(`campaign:${created.id}:2`, { id: 'req-c', status: 'in_flight', error: null });
    expect(await dispatch().reconcile(async (instance) => instance !== 'dead')).toEqual({ settled: 3, awaitingRecovery: 1 });
    expect(store.recipients.get(created.id)!.map((r) => [r.state, r.requestId])).toEqual([
      ['sent', 'req-a'],
      ['failed', 'req-b'],
      ['sending', null],
      ['pending', null],
    ]);
  });

  it('stops the campaign for review once carrier filtering passes the threshold', async () => {
    const created = await campaign(3, { filteredStopThreshold: 2 });
    for (let index = 0; index < 3; index++) await dispatch().dispatchNext('i');
    await dispatch().recordDelivery('req-1', 'undelivered', CARRIER_FILTERED_ERROR);
    expect((await store.get(created.id))?.status).toBe('completed');
    const again = await campaign(3, { filteredStopThreshold: 2, pacingPerSecond: 0.1 });
    await dispatch().dispatchNext('i');
    clock.advance(10_000);
    await dispatch().dispatchNext('i');
    await dispatch().recordDelivery('req-4', 'undelivered', CARRIER_FILTERED_ERROR);
    expect((await store.get(again.id))?.status).toBe('running');
    await dispatch().recordDelivery('req-5', 'failed', CARRIER_FILTERED_ERROR);
    expect(await store.get(again.id)).toMatchObject({ status: 'stopped', stopReason: expect.stringContaining('2 messages') });
  });
});
