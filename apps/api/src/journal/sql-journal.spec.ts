import { InMemoryConsentRegister, InMemoryJournal } from '@flex-sms/domain/testing';
import { SqlConsentRegister } from '../consent/sql-consent-register';
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
      await handle.db.exec('DELETE FROM consent_opt_out');
      return new SqlJournal(handle.db);
    },
    async optOut({ recipient, scope, since, source }) {
      await new SqlConsentRegister(handle.db).recordOptOut({ recipient, scope, source, actor: 'test', reason: null, at: since });
    },
    close: () => handle.close(),
  };
}

describe('Journal contract: InMemoryJournal (the reference)', () => {
  journalContract(async () => {
    let register = new InMemoryConsentRegister();
    return {
      fresh: async () => new InMemoryJournal((register = new InMemoryConsentRegister())),
      optOut: async ({ recipient, scope, since, source }) => register.optOut(recipient, scope, source, since),
      close: async () => undefined,
    };
  });
});

describe('Journal contract: SqlJournal on SQLite', () => {
  journalContract(() => sqlJournals(sqliteTarget));
});

describePostgres('Journal contract: SqlJournal on PostgreSQL', (target) => {
  journalContract(() => sqlJournals(target));
});
