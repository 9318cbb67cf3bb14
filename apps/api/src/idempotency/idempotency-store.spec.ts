import type { Clock } from '@flex-sms/domain';
import { MIGRATIONS_DIR, readMigrations, runMigrations } from '../store/migrator';
import { DatabaseTarget, TestDatabase, describePostgres, pgliteTarget } from '../testing/test-databases';
import { IDEMPOTENCY_TTL_MS, IN_PROGRESS_LEASE_MS, IdempotencyStore } from './idempotency-store';

function storeContract(target: DatabaseTarget) {
  let handle: TestDatabase;
  let now: number;
  const clock: Clock = { now: () => now, sleep: async () => undefined };
  let store: IdempotencyStore;

  beforeAll(async () => {
    handle = await target.open();
    await runMigrations(handle.db, readMigrations(MIGRATIONS_DIR));
  });
  afterAll(() => handle.close());
  beforeEach(async () => {
    await handle.db.exec('TRUNCATE idempotency_key');
    now = Date.UTC(2026, 10, 24, 18);
    store = new IdempotencyStore(handle.db, clock);
  });

  it('hands a key to one request, then replays its response; other callers have keys of their own', async () => {
    expect(await store.claim('alice', 'k1', 'body-a')).toEqual({ kind: 'claimed' });
    expect(await store.claim('alice', 'k1', 'body-a')).toEqual({ kind: 'in_progress' });
    expect(await store.claim('bob', 'k1', 'body-b')).toEqual({ kind: 'claimed' });

    await store.complete('alice', 'k1', { status: 201, body: { id: 'req_1' } });
    expect(await store.claim('alice', 'k1', 'body-a')).toEqual({ kind: 'replay', response: { status: 201, body: { id: 'req_1' } } });
    expect(await store.claim('alice', 'k1', 'body-other')).toEqual({ kind: 'mismatch' });
  });

  it('lets exactly one of many simultaneous claims through', async () => {
    const claims = await Promise.all(Array.from({ length: 10 }, () => store.claim('alice', 'race', 'body')));
    expect(claims.filter((claim) => claim.kind === 'claimed')).toHaveLength(1);
  });

  it('frees a released key, an expired key and an abandoned in-progress key', async () => {
    await store.claim('alice', 'released', 'a');
    await store.release('alice', 'released');
    expect(await store.claim('alice', 'released', 'b')).toEqual({ kind: 'claimed' });

    await store.claim('alice', 'old', 'a');
    await store.complete('alice', 'old', { status: 201, body: {} });
    await store.claim('alice', 'abandoned', 'a');
    now += IN_PROGRESS_LEASE_MS + 1;
    expect(await store.claim('alice', 'abandoned', 'a')).toEqual({ kind: 'claimed' });
    expect(await store.claim('alice', 'old', 'a')).toMatchObject({ kind: 'replay' });
    now += IDEMPOTENCY_TTL_MS;
    expect(await store.claim('alice', 'old', 'other body')).toEqual({ kind: 'claimed' });
  });
}

describe('IdempotencyStore on PGlite', () => storeContract(pgliteTarget));
describePostgres('IdempotencyStore on PostgreSQL', (target) => storeContract(target));
