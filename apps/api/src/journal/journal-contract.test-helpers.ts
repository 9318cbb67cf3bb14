import type { Journal, OptOut, OutboundRequestRecord, StepRecord } from '@flex-sms/domain';

/** A journal implementation under test: an empty journal (and consent register) for each case, one clean-up at the end. */
export interface JournalUnderTest {
  fresh(): Promise<Journal>;
  /** Puts an opt-out in the register the fresh journal asks. */
  optOut(optOut: OptOut): Promise<void>;
  close(): Promise<void>;
}

const at = (second: number) => new Date(Date.UTC(2026, 10, 24, 18, 0, second, 123));

export const agentRequest: OutboundRequestRecord = {
  kind: 'agent_sms',
  caller: 'api-key:test',
  fromNumber: '+15550100001',
  toNumber: '+14155550123',
  toName: 'Ada Lovelace',
  // Not the default: the journal must keep the channel it was given.
  channel: 'whatsapp',
  body: 'Hi Ada',
  idempotencyKey: 'key-1',
  input: { sourceChatChannelSid: null, taskAttributes: { crmId: 'A-17', nested: { tier: 'gold' } } },
};

const channelStep: StepRecord = {
  name: 'channel',
  outcome: 'created',
  sids: { channelSid: 'CH00000000000000000000000000000001', chatServiceSid: 'IS00000000000000000000000000000001' },
  data: { identity: '+14155550123' },
  startedAt: at(1),
  finishedAt: at(2),
};

const failedStep: StepRecord = {
  name: 'proxy-session',
  outcome: 'failed',
  sids: {},
  startedAt: at(2),
  finishedAt: at(3),
  error: { code: 'TWILIO_UNAVAILABLE', message: 'Proxy stayed unavailable', twilioCode: 20503, details: { operation: 'create Proxy session' } },
};

/**
 * The behaviour every Journal must have: the domain's InMemoryJournal is the reference, and the SQL journal runs
 * the very same cases (on SQLite and on PostgreSQL).
 */
export function journalContract(open: () => Promise<JournalUnderTest>): void {
  let subject: JournalUnderTest;
  let journal: Journal;

  beforeAll(async () => {
    subject = await open();
  });
  afterAll(() => subject.close());
  beforeEach(async () => {
    journal = await subject.fresh();
  });

  it('records a request as in flight, with nothing done yet', async () => {
    const id = await journal.begin(agentRequest, at(0));

    expect(await journal.get(id)).toEqual({
      ...agentRequest,
      id,
      status: 'in_flight',
      startedAt: at(0),
      finishedAt: null,
      steps: [],
      pendingSteps: [],
      undone: [],
      result: null,
      error: null,
    });
  });

  it('begins a request asking consent in the same write: the opt-out of its recipient from its scope, or null', async () => {
    const since = at(0);
    await subject.optOut({ recipient: agentRequest.toNumber, scope: agentRequest.fromNumber, since, source: 'inbound-keyword' });
    await subject.optOut({ recipient: '+14155550999', scope: '+15550100009', since, source: 'manual' });

    const refused = await journal.beginAskingConsent(agentRequest, at(1), { recipient: agentRequest.toNumber, scope: agentRequest.fromNumber });
    const otherScope = await journal.beginAskingConsent(agentRequest, at(2), { recipient: agentRequest.toNumber, scope: '+15550100009' });
    const otherRecipient = await journal.beginAskingConsent(agentRequest, at(3), { recipient: '+14155550999', scope: agentRequest.fromNumber });

    expect(refused.optOut).toEqual({ recipient: agentRequest.toNumber, scope: agentRequest.fromNumber, since, source: 'inbound-keyword' });
    expect(otherScope.optOut).toBeNull();
    expect(otherRecipient.optOut).toBeNull();
    // Begun either way, as `begin` would have.
    expect(new Set([refused.id, otherScope.id, otherRecipient.id]).size).toBe(3);
    expect(await journal.get(refused.id)).toMatchObject({ ...agentRequest, id: refused.id, status: 'in_flight', startedAt: at(1), steps: [] });
    expect(await journal.listUnresolved()).toHaveLength(3);
  });

  it('gives every request its own id, and null for an id it never gave', async () => {
    const ids = await Promise.all([journal.begin(agentRequest, at(0)), journal.begin({ ...agentRequest, kind: 'system_sms' }, at(0))]);
    expect(new Set(ids).size).toBe(2);
    expect((await journal.get(ids[1]))?.kind).toBe('system_sms');
    expect(await journal.get('req_unknown')).toBeNull();
  });

  it('keeps the steps in the order they were recorded, optional fields absent when not given', async () => {
    const id = await journal.begin(agentRequest, at(0));
    await journal.recordStep(id, channelStep);
    await journal.recordStep(id, failedStep);

    const { steps } = (await journal.get(id))!;
    expect(steps).toEqual([channelStep, failedStep]);
    expect(Object.keys(steps[0]).sort()).toEqual(['data', 'finishedAt', 'name', 'outcome', 'sids', 'startedAt']);
    expect(Object.keys(steps[1])).not.toContain('data');
  });

  it('records several steps in one write, in their order and after those already there, exactly as given', async () => {
    const id = await journal.begin(agentRequest, at(0));
    const resolved: StepRecord = {
      name: 'flex-flow',
      outcome: 'resolved',
      sids: { flexFlowSid: 'FO00000000000000000000000000000001' },
      data: { enabled: true },
      startedAt: at(1),
      finishedAt: at(1),
    };
    await journal.recordStep(id, failedStep);
    await journal.recordSteps(id, [resolved, channelStep, failedStep]);
    await journal.recordSteps(id, []);

    expect((await journal.get(id))!.steps).toEqual([failedStep, resolved, channelStep, failedStep]);
    await expect(journal.recordSteps('req_unknown', [channelStep])).rejects.toThrow('req_unknown');
  });

  it('keeps every step recorded concurrently (parallel branches of one request)', async () => {
    const id = await journal.begin(agentRequest, at(0));
    const names = ['flex-flow', 'channel', 'proxy-session', 'channel-attributes', 'message'] as const;
    await Promise.all(names.map((name) => journal.recordStep(id, { ...channelStep, name })));
    expect((await journal.get(id))!.steps.map((step) => step.name).sort()).toEqual([...names].sort());
  });

  it('records a pending step with the outcome, then settles it, counting attempts and keeping the last error only', async () => {
    const id = await journal.begin(agentRequest, at(0));
    const payload = { chatServiceSid: 'IS1', channelSid: 'CH1', sessionSid: 'KC1' };
    await journal.finish(
      id,
      { status: 'succeeded', finishedAt: at(4), result: {} },
      { pendingSteps: [{ name: 'channel-attributes', payload, recordedAt: at(4) }] },
    );
    expect((await journal.get(id))!.pendingSteps).toEqual([
      { name: 'channel-attributes', payload, recordedAt: at(4), status: 'pending', attempts: 0 },
    ]);

    const error = { code: 'TWILIO_UNAVAILABLE', message: 'later' };
    await journal.settlePendingStep(id, 'channel-attributes', { status: 'pending', at: at(5), error });
    expect((await journal.get(id))!.pendingSteps[0]).toEqual({
      name: 'channel-attributes',
      payload,
      recordedAt: at(4),
      status: 'pending',
      attempts: 1,
      settledAt: at(5),
      error,
    });

    await journal.settlePendingStep(id, 'channel-attributes', { status: 'done', at: at(6) });
    const [settled] = (await journal.get(id))!.pendingSteps;
    expect(settled).toEqual({ name: 'channel-attributes', payload, recordedAt: at(4), status: 'done', attempts: 2, settledAt: at(6) });
    expect(settled.error).toBeUndefined();
  });

  it("reads a request's follow-up work with its pair, and settles it with the steps the work recorded", async () => {
    const id = await journal.begin(agentRequest, at(0));
    await journal.recordStep(id, channelStep);
    expect(await journal.followUpOf(id)).toEqual({ fromNumber: agentRequest.fromNumber, toNumber: agentRequest.toNumber, pendingSteps: [] });
    const payload = { channelSid: 'CH1', sessionSid: 'KC1' };
    await journal.finish(
      id,
      { status: 'succeeded', finishedAt: at(4), result: {} },
      { pendingSteps: [{ name: 'channel-attributes', payload, recordedAt: at(4) }] },
    );
    expect((await journal.followUpOf(id))!.pendingSteps).toEqual([
      { name: 'channel-attributes', payload, recordedAt: at(4), status: 'pending', attempts: 0 },
    ]);

    const attributes: StepRecord = {
      name: 'channel-attributes',
      outcome: 'updated',
      sids: { channelSid: 'CH1' },
      data: { previousProxySession: null },
      startedAt: at(5),
      finishedAt: at(6),
    };
    await journal.settlePendingStep(id, 'channel-attributes', { status: 'done', at: at(6) }, [attributes]);
    expect(await journal.get(id)).toMatchObject({
      steps: [channelStep, attributes],
      pendingSteps: [{ name: 'channel-attributes', status: 'done', attempts: 1, settledAt: at(6) }],
    });
    expect(await journal.followUpOf('req_unknown')).toBeNull();
    await expect(journal.settlePendingStep(id, 'no-such-step' as 'channel-attributes', { status: 'done', at: at(7) }, [attributes])).rejects.toThrow(
      'no-such-step',
    );
    expect((await journal.get(id))!.steps).toHaveLength(2);
  });

  it('writes the steps not written yet with the outcome, after those already there, in their order', async () => {
    const id = await journal.begin(agentRequest, at(0));
    await journal.recordStep(id, channelStep);
    const session: StepRecord = { name: 'proxy-session', outcome: 'created', sids: { sessionSid: 'KC1' }, startedAt: at(2), finishedAt: at(3) };
    await journal.finish(id, { status: 'succeeded', finishedAt: at(4), result: {} }, { steps: [session, failedStep], pendingSteps: [] });

    expect(await journal.get(id)).toMatchObject({ status: 'succeeded', steps: [channelStep, session, failedStep], pendingSteps: [] });
  });

  it('finishes a request with its outcome; a second finish replaces the first', async () => {
    const id = await journal.begin(agentRequest, at(0));
    await journal.recordStep(id, channelStep);
    const undone = [
      { action: 'cancel-task' as const, sid: 'WT1', ok: true },
      { action: 'remove-channel' as const, sid: 'CH1', ok: false, error: { code: 'TWILIO_UNAVAILABLE', message: 'down', twilioCode: 20503 } },
    ];
    const error = { code: 'PARTICIPANT_CONFLICT', message: 'busy', twilioCode: 80604, details: { conflictingSessionSid: 'KC9' } };
    await journal.finish(id, { status: 'rolled_back', finishedAt: at(7), error, undone });

    expect(await journal.get(id)).toMatchObject({ status: 'rolled_back', finishedAt: at(7), error, undone, result: null, steps: [channelStep] });

    const result = { id, status: 'succeeded', reused: { channel: true, session: false } };
    await journal.finish(id, { status: 'succeeded', finishedAt: at(8), result });
    expect(await journal.get(id)).toMatchObject({ status: 'succeeded', finishedAt: at(8), result, error: null, undone: [] });
  });

  it('refuses writes to a request it does not know', async () => {
    await expect(journal.recordStep('req_unknown', channelStep)).rejects.toThrow('req_unknown');
    await expect(journal.finish('req_unknown', { status: 'failed', finishedAt: at(0) })).rejects.toThrow('req_unknown');
    await expect(
      journal.finish(
        'req_unknown',
        { status: 'succeeded', finishedAt: at(0) },
        { steps: [channelStep], pendingSteps: [{ name: 'channel-attributes', payload: {}, recordedAt: at(0) }] },
      ),
    ).rejects.toThrow('req_unknown');
    await expect(journal.recordClaim('req_unknown', [channelStep], 'channelSid')).rejects.toThrow('req_unknown');
    const id = await journal.begin(agentRequest, at(0));
    await expect(journal.settlePendingStep(id, 'channel-attributes', { status: 'done', at: at(1) })).rejects.toThrow('channel-attributes');
  });

  it('lists as unresolved the requests in flight and those with follow-up work still pending', async () => {
    const inFlight = await journal.begin(agentRequest, at(10));
    const finished = await journal.begin(agentRequest, at(11));
    await journal.finish(finished, { status: 'succeeded', finishedAt: at(12), result: {} });
    const awaitingFollowUp = await journal.begin(agentRequest, at(9));
    await journal.finish(
      awaitingFollowUp,
      { status: 'succeeded', finishedAt: at(9), result: {} },
      { pendingSteps: [{ name: 'channel-attributes', payload: { channelSid: 'CH1' }, recordedAt: at(9) }] },
    );
    const followedUp = await journal.begin(agentRequest, at(13));
    await journal.finish(
      followedUp,
      { status: 'succeeded', finishedAt: at(13), result: {} },
      { pendingSteps: [{ name: 'channel-attributes', payload: {}, recordedAt: at(13) }] },
    );
    await journal.settlePendingStep(followedUp, 'channel-attributes', { status: 'failed', at: at(14), error: { code: 'X', message: 'gone' } });

    const unresolved = await journal.listUnresolved();
    expect(unresolved.map((entry) => entry.id).sort()).toEqual([awaitingFollowUp, inFlight].sort());
    expect(unresolved.find((entry) => entry.id === awaitingFollowUp)!.pendingSteps).toEqual([
      expect.objectContaining({ name: 'channel-attributes', status: 'pending' }),
    ]);
  });

  it('records a claimed channel as created unless another request recorded it, with the steps before it, in one write', async () => {
    const resolved: StepRecord = {
      name: 'flex-flow',
      outcome: 'resolved',
      sids: { flexFlowSid: 'FO00000000000000000000000000000001' },
      startedAt: at(1),
      finishedAt: at(1),
    };
    const first = await journal.begin(agentRequest, at(0));
    expect(await journal.recordClaim(first, [resolved, channelStep], 'channelSid')).toBe('created');
    const second = await journal.begin(agentRequest, at(1));
    expect(await journal.recordClaim(second, [resolved, channelStep], 'channelSid')).toBe('reused');
    // Another step naming the channel is no claim on it.
    const other = { ...channelStep, sids: { channelSid: 'CH00000000000000000000000000000009' } };
    await journal.recordStep(second, { ...other, name: 'proxy-session' });
    const third = await journal.begin(agentRequest, at(2));
    expect(await journal.recordClaim(third, [other], 'channelSid')).toBe('created');

    expect((await journal.get(first))!.steps).toEqual([resolved, channelStep]);
    expect((await journal.get(second))!.steps).toEqual([resolved, { ...channelStep, outcome: 'reused' }, { ...other, name: 'proxy-session' }]);
  });

  it('names a succeeded request that used a channel or conversation, never the asking one nor one that did not succeed', async () => {
    const channelSid = channelStep.sids.channelSid;
    const interrupted = await journal.begin(agentRequest, at(0));
    await journal.recordStep(interrupted, channelStep);
    const rolledBack = await journal.begin(agentRequest, at(1));
    await journal.recordStep(rolledBack, { ...channelStep, outcome: 'reused' });
    await journal.finish(rolledBack, { status: 'rolled_back', finishedAt: at(2), undone: [] });
    expect(await journal.succeededRequestUsing(channelSid, interrupted)).toBeNull();

    const later = await journal.begin(agentRequest, at(3));
    await journal.recordStep(later, { ...channelStep, outcome: 'reused' });
    expect(await journal.succeededRequestUsing(channelSid, interrupted)).toBeNull();
    await journal.finish(later, { status: 'succeeded', finishedAt: at(4), result: {} });
    expect(await journal.succeededRequestUsing(channelSid, interrupted)).toBe(later);
    expect(await journal.succeededRequestUsing(channelSid, later)).toBeNull();

    const conversationSid = 'CH00000000000000000000000000000042';
    const conversational = await journal.begin(agentRequest, at(5));
    await journal.recordStep(conversational, { ...channelStep, name: 'conversation', sids: { conversationSid } });
    await journal.finish(conversational, { status: 'succeeded', finishedAt: at(6), result: {} });
    expect(await journal.succeededRequestUsing(conversationSid, interrupted)).toBe(conversational);
  });

  it("lists the chat channels of a Twilio number and customer's requests, most recent first, each once", async () => {
    const at = (minute: number) => new Date(Date.UTC(2026, 10, 24, 18, minute));
    const channelOf = (sid: string): StepRecord => ({ ...channelStep, sids: { ...channelStep.sids, channelSid: sid } });
    const pair = { ...agentRequest, fromNumber: '+15550100009', toNumber: '+14155550777' };
    const first = await journal.begin(pair, at(1));
    await journal.recordStep(first, channelOf('CH00000000000000000000000000000a01'));
    const second = await journal.begin(pair, at(2));
    await journal.recordStep(second, channelOf('CH00000000000000000000000000000a02'));
    const third = await journal.begin(pair, at(3));
    await journal.recordStep(third, { ...channelOf('CH00000000000000000000000000000a01'), outcome: 'reused' });
    const otherCustomer = await journal.begin({ ...pair, toNumber: '+14155550778' }, at(4));
    await journal.recordStep(otherCustomer, channelOf('CH00000000000000000000000000000a03'));
    const otherStep = await journal.begin(pair, at(5));
    await journal.recordStep(otherStep, { ...channelOf('CH00000000000000000000000000000a04'), name: 'proxy-session' });

    expect(await journal.recentChannelsOfPair(pair.fromNumber, pair.toNumber, 10)).toEqual([
      'CH00000000000000000000000000000a01',
      'CH00000000000000000000000000000a02',
    ]);
    expect(await journal.recentChannelsOfPair(pair.fromNumber, pair.toNumber, 1)).toEqual(['CH00000000000000000000000000000a01']);
    expect(await journal.recentChannelsOfPair(pair.toNumber, pair.fromNumber, 10)).toEqual([]);
  });

  it('hands out copies: changing what was read changes nothing stored', async () => {
    const id = await journal.begin(agentRequest, at(0));
    await journal.recordStep(id, channelStep);
    const read = (await journal.get(id))!;
    read.steps[0].sids.channelSid = 'CHchanged';
    (read.input.taskAttributes as Record<string, unknown>).crmId = 'changed';
    read.steps.push(failedStep);

    expect(await journal.get(id)).toMatchObject({ input: agentRequest.input, steps: [channelStep] });
  });
}
