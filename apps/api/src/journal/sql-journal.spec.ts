import { InMemoryJournal } from '@flex-sms/domain';
import { MIGRATIONS_DIR, readMigrations, runMigrations } from '../store/migrator';
import { DatabaseTarget, describePostgres, pgliteTarget } from '../testing/test-databases';
import { JournalUnderTest, journalContract } from './journal-contract.test-helpers';
import { SqlJournal } from './sql-journal';

/** One migrated database per suite, emptied before each case (a fresh PGlite per case would cost a second each). */
async function sqlJournals(target: DatabaseTarget): Promise<JournalUnderTest> {
  const handle = await target.open();
  await runMigrations(handle.db, readMigrations(MIGRATIONS_DIR));
  return {
    async fresh() {
      await handle.db.exec('TRUNCATE outbound_request CASCADE');
      return new SqlJournal(handle.db);
    },
    close: () => handle.close(),
  };
}

describe('Journal contract: InMemoryJournal (the reference)', () => {
  journalContract(async () => ({ fresh: async () => new InMemoryJournal(), close: async () => undefined }));
});

describe('Journal contract: SqlJournal on PGlite', () => {
  journalContract(() => sqlJournals(pgliteTarget));
});

describePostgres('Journal contract: SqlJournal on PostgreSQL', (target) => {
  journalContract(() => sqlJournals(target));
});
