import type { Clock, OutboundRequestRecord } from '@flex-sms/domain';
import { SqlJournal } from '../journal/sql-journal';
import { migrateToLatest } from '../store/migrator';
import { DatabaseTarget, TestDatabase, describePostgres, sqliteTarget } from '../testing/test-databases';
import { IDEMPOTENCY_TTL_MS, IN_PROGRESS_LEASE_MS, IdempotencyStore, type ClaimToken, type IdempotencyClaim } from './idempotency-store';

const claimed = { kind: 'claimed', token: expect.any(Number) };

function tokenOf(claim: IdempotencyClaim): ClaimToken {
  if (claim.kind !== 'claimed') throw new Error(`expected a claim, got ${claim.kind}`);
  return claim.token;
}

function storeContract(target: DatabaseTarget) {
  let handle: TestDatabase;
  let now: number;
  const clock: Clock = { now: () => now, sleep: async () => undefined };
  let store: IdempotencyStore;
  let journal: SqlJournal;

  beforeAll(async () => {
    handle = await target.open();
    await migrateToLatest(handle.db);
  });
  afterAll(() => handle.close());
  beforeEach(async () => {
    await handle.db.exec('DELETE FROM idempotency_key');
    now = Date.UTC(2026, 10, 24, 18);
    store = new IdempotencyStore(handle.db, clock);
    journal = new SqlJournal(handle.db);
  });

  /** The request that claimed `key` reaches the journal a moment after its claim, as the outbound routes do. */
  async function journaled(key: string): Promise<string> {
    const request: OutboundRequestRecord = {
      kind: 'system_sms',
      caller: 'alice',
      fromNumber: '+15550100001',
      toNumber: '+14155550100',
      toName: 'Ada',
      channel: 'sms',
      body: 'Hi',
      idempotencyKey: key,
      input: {},
    };
    return journal.begin(request, new Date(now + 5));
  }

  it('hands a key to one request, then replays its response; other callers have keys of their own', async () => {
    const token = tokenOf(await store.claim('alice', 'k1', 'body-a'));
    expect(await store.claim('alice', 'k1', 'body-a')).toEqual({ kind: 'in_progress' });
    expect(await store.claim('bob', 'k1', 'body-b')).toEqual(claimed);

    await store.complete('alice', 'k1', token, { status: 201, body: { id: 'req_1' } });
    expect(await store.claim('alice', 'k1', 'body-a')).toEqual({ kind: 'replay', response: { status: 201, body: { id: 'req_1' } } });
    expect(await store.claim('alice', 'k1', 'body-other')).toEqual({ kind: 'mismatch' });
  });

  it('lets exactly one of many simultaneous claims through', async () => {
    const claims = await Promise.all(Array.from({ length: 10 }, () => store.claim('alice', 'race', 'body')));
    expect(claims.filter((claim) => claim.kind === 'claimed')).toHaveLength(1);
  });

  it('frees a released key, an expired key and an in-progress key that never reached the journal once its lease is over', async () => {
    const released = tokenOf(await store.claim('alice', 'released', 'a'));
    await store.release('alice', 'released', released);
    expect(await store.claim('alice', 'released', 'b')).toEqual(claimed);

    await store.complete('alice', 'old', tokenOf(await store.claim('alice', 'old', 'a')), { status: 201, body: {} });
    await store.claim('alice', 'abandoned', 'a');
    now += IN_PROGRESS_LEASE_MS - 1;
    expect(await store.claim('alice', 'abandoned', 'a')).toEqual({ kind: 'in_progress' });
    now += 2;
    expect(await store.claim('alice', 'abandoned', 'a')).toEqual(claimed);
    expect(await store.claim('alice', 'old', 'a')).toMatchObject({ kind: 'replay' });
    now += IDEMPOTENCY_TTL_MS;
    expect(await store.claim('alice', 'old', 'other body')).toEqual(claimed);
  });

  it('keeps a key whose request is still in flight in the journal, however long it takes', async () => {
    await store.claim('alice', 'slow', 'a');
    await journaled('slow');
    now += IN_PROGRESS_LEASE_MS * 10;
    expect(await store.claim('alice', 'slow', 'a')).toEqual({ kind: 'in_progress' });
  });

  it('answers from the journal a key whose request succeeded before its process stopped, once, without running it again', async () => {
    await store.claim('alice', 'answered', 'a');
    const requestId = await journaled('answered');
    await journal.finish(requestId, { status: 'succeeded', finishedAt: new Date(now + 9), result: { id: requestId, status: 'succeeded' } });
    now += 1_000; // the process died before storing the answer; the caller retries

    const settled = await store.claim('alice', 'answered', 'a');
    expect(settled).toEqual({ kind: 'succeeded_in_journal', token: now, result: { id: requestId, status: 'succeeded' } });
    // Another retry meanwhile waits for that answer to be stored; then everyone gets it.
    expect(await store.claim('alice', 'answered', 'a')).toEqual({ kind: 'in_progress' });
    await store.complete('alice', 'answered', (settled as { token: ClaimToken }).token, { status: 201, body: { id: requestId } });
    expect(await store.claim('alice', 'answered', 'a')).toEqual({ kind: 'replay', response: { status: 201, body: { id: requestId } } });
  });

  it('frees at once a key whose request was undone (crash recovery, or a failure whose answer was never stored)', async () => {
    await store.claim('alice', 'undone', 'a');
    const requestId = await journaled('undone');
    await journal.finish(requestId, {
      status: 'rolled_back',
      finishedAt: new Date(now + 9),
      error: { code: 'INTERRUPTED', message: 'stopped' },
      undone: [],
    });
    now += 1_000;
    expect(await store.claim('alice', 'undone', 'a')).toEqual(claimed);
  });

  it('frees at once a key claimed by an API instance that is gone, and not before', async () => {
    const alive = new Set(['first', 'second']);
    const owners = (instanceId: string) => ({ instanceId, isAlive: async (id: string) => alive.has(id) });
    const first = new IdempotencyStore(handle.db, clock, owners('first'));
    const second = new IdempotencyStore(handle.db, clock, owners('second'));

    await first.claim('alice', 'killed', 'a');
    now += 1_000;
    expect(await second.claim('alice', 'killed', 'a')).toEqual({ kind: 'in_progress' });
    alive.delete('first'); // SIGKILL before the request reached the journal
    expect(await second.claim('alice', 'killed', 'a')).toEqual(claimed);
    expect(await first.claim('alice', 'killed', 'a')).toEqual({ kind: 'in_progress' });
  });

  it('ignores the answer of a claim another claim has taken over', async () => {
    const first = tokenOf(await store.claim('alice', 'taken', 'a'));
    now += IN_PROGRESS_LEASE_MS + 1;
    const second = tokenOf(await store.claim('alice', 'taken', 'a'));

    await store.complete('alice', 'taken', first, { status: 409, body: { stale: true } });
    await store.release('alice', 'taken', first);
    expect(await store.claim('alice', 'taken', 'a')).toEqual({ kind: 'in_progress' });
    await store.complete('alice', 'taken', second, { status: 201, body: { fresh: true } });
    expect(await store.claim('alice', 'taken', 'a')).toEqual({ kind: 'replay', response: { status: 201, body: { fresh: true } } });
  });
}

describe('IdempotencyStore on SQLite', () => storeContract(sqliteTarget));
describePostgres('IdempotencyStore on PostgreSQL', (target) => storeContract(target));
