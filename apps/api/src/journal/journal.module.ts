import { Module } from '@nestjs/common';
import { Metrics } from '../metrics/metrics';
import { DATABASE, Database } from '../store/database';
import { MeteredJournal } from './metered-journal';
import { OutboundHistory } from './outbound-history';
import { SqlJournal } from './sql-journal';

/** Injection token of the domain's Journal port: `@Inject(JOURNAL) journal: Journal`. */
export const JOURNAL = Symbol('JOURNAL');

/** The outbound SMS journal on the API's database, and its history view. */
@Module({
  providers: [
    {
      provide: JOURNAL,
      useFactory: (db: Database, metrics: Metrics) => new MeteredJournal(new SqlJournal(db), metrics),
      inject: [DATABASE, Metrics],
    },
    { provide: OutboundHistory, useFactory: (db: Database) => new OutboundHistory(db), inject: [DATABASE] },
  ],
  exports: [JOURNAL, OutboundHistory],
})
export class JournalModule {}
