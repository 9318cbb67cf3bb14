import { InMemoryJournal } from '@flex-sms/domain/testing';
import { migrateToLatest } from '../store/migrator';
import { DatabaseTarget, describePostgres, sqliteTarget } from '../testing/test-databases';
import { JournalUnderTest, journalContract } from './journal-contract.test-helpers';
import { SqlJournal } from './sql-journal';

/** One migrated database per suite, emptied before each case (a fresh database per case would cost a migration each). */
async function sqlJournals(target: DatabaseTarget): Promise<JournalUnderTest> {
  const handle = await target.open();
  await migrateToLatest(handle.db);
  return {
    async fresh() {
      await handle.db.exec('DELETE FROM outbound_request'); // its steps, pending steps and undo records go with it (cascade)
      return new SqlJournal(handle.db);
    },
    close: () => handle.close(),
  };
}

describe('Journal contract: InMemoryJournal (the reference)', () => {
  journalContract(async () => ({ fresh: async () => new InMemoryJournal(), close: async () => undefined }));
});

describe('Journal contract: SqlJournal on SQLite', () => {
  journalContract(() => sqlJournals(sqliteTarget));
});

describePostgres('Journal contract: SqlJournal on PostgreSQL', (target) => {
  journalContract(() => sqlJournals(target));
});
