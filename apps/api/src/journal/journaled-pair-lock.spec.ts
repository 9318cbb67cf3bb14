import { randomUUID } from 'node:crypto';
import { pairLockKey, type OutboundRequestRecord } from '@flex-sms/domain';
import { Client } from 'pg';
import { DatabasePairLock } from '../pair-lock/database-pair-lock';
import { migrateToLatest } from '../store/migrator';
import { DatabaseTarget, TestDatabase, describePostgres, sqliteTarget } from '../testing/test-databases';
import { SqlJournal } from './sql-journal';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const record = (toNumber: string): OutboundRequestRecord => ({
  kind: 'system_sms',
  caller: 'api-key:test',
  fromNumber: '+15550100001',
  toNumber,
  toName: 'Ada',
  channel: 'sms',
  body: 'Hi',
  idempotencyKey: null,
  input: {},
});
const succeeded = () => ({ status: 'succeeded' as const, finishedAt: new Date(), result: {} });

/** A pair lock taken `withJournal`: by the request's journal begin, released by its finish (runJournaledRequest's way). */
function journaledPairLockContract(target: DatabaseTarget, options: { multiInstance: boolean }) {
  let handle: TestDatabase;
  beforeAll(async () => {
    handle = await target.open();
    await migrateToLatest(handle.db);
  });
  afterAll(() => handle.close());

  it('lets one request per conversation run from begin to finish at a time; the next sees the previous one finished', async () => {
    const instances = options.multiInstance ? [handle.db, await handle.openAnother()] : [handle.db];
    const toNumber = `+1415${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`;
    let inside = 0;
    let maxInside = 0;
    const begun: string[] = [];
    const statusesSeenOnBegin: string[] = [];
    const request = (index: number) => {
      const db = instances[index % instances.length];
      const journal = new SqlJournal(db);
      return new DatabasePairLock(db).withLock(
        pairLockKey('+15550100001', toNumber),
        async () => {
          const id = await journal.begin(record(toNumber), new Date());
          inside++;
          maxInside = Math.max(maxInside, inside);
          const previous = begun.at(-1);
          if (previous) statusesSeenOnBegin.push((await journal.get(previous))!.status);
          begun.push(id);
          await sleep(10);
          inside--;
          await journal.finish(id, succeeded());
        },
        { withJournal: true },
      );
    };
    await Promise.all(Array.from({ length: 6 }, (_, index) => request(index)));

    expect(maxInside).toBe(1);
    // The lock passes on only once the previous request's outcome is committed.
    expect(statusesSeenOnBegin).toEqual(Array(5).fill('succeeded'));
  });

  it('is free again after a request that failed between begin and finish, and after one whose begin failed', async () => {
    const key = pairLockKey('+15550100001', '+14155550999');
    const lock = new DatabasePairLock(handle.db);
    const journal = new SqlJournal(handle.db);
    await expect(
      lock.withLock(
        key,
        async () => {
          await journal.begin(record('+14155550999'), new Date());
          throw new Error('Twilio said no');
        },
        { withJournal: true },
      ),
    ).rejects.toThrow('Twilio said no');
    const unknownKind = { ...record('+14155550999'), kind: 'no_such_kind' as OutboundRequestRecord['kind'] };
    await expect(lock.withLock(key, () => journal.begin(unknownKind, new Date()), { withJournal: true })).rejects.toThrow();

    const next = await lock.withLock(key, async () => journal.begin(record('+14155550999'), new Date()), { withJournal: true });
    expect((await journal.get(next))!.status).toBe('in_flight');
  });
}

describe('Pair lock with the journal on SQLite', () => journaledPairLockContract(sqliteTarget, { multiInstance: false }));

describePostgres('Pair lock with the journal on PostgreSQL', (target) => {
  journaledPairLockContract(target, { multiInstance: true });

  describe('round trips', () => {
    let handle: TestDatabase;
    beforeAll(async () => {
      handle = await target.open();
      await migrateToLatest(handle.db);
    });
    afterAll(() => handle.close());

    it('costs none of its own: the begin takes the lock, the finish releases it', async () => {
      const journal = new SqlJournal(handle.db);
      const queries = jest.spyOn(Client.prototype, 'query');
      try {
        await new DatabasePairLock(handle.db).withLock(
          pairLockKey('+15550100001', '+14155550998'),
          async () => journal.finish(await journal.begin(record('+14155550998'), new Date()), succeeded()),
          { withJournal: true },
        );
        expect(queries).toHaveBeenCalledTimes(2);
      } finally {
        queries.mockRestore();
      }
    });

    it('refuses a statement under the lock before the begin has taken it', async () => {
      await expect(
        new DatabasePairLock(handle.db).withLock(`test:${randomUUID()}`, () => handle.db.query('SELECT 1'), { withJournal: true }),
      ).rejects.toThrow('take it first');
    });
  });
});
