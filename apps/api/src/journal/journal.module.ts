import { Module } from '@nestjs/common';
import { Metrics } from '../metrics/metrics';
import { DATABASE, Database } from '../store/database';
import { OutboundEvents } from '../events/outbound-events';
import { MeteredJournal } from './metered-journal';
import { OutboundHistory } from './outbound-history';
import { PublishingJournal } from './publishing-journal';
import { SqlJournal } from './sql-journal';
import { SystemCallbackOutbox } from '../system-callbacks/system-callback-outbox';

/** Injection token of the domain's Journal port: `@Inject(JOURNAL) journal: Journal`. */
export const JOURNAL = Symbol('JOURNAL');

/** The outbound SMS journal on the API's database (measured, and publishing each request's final state), and its history view. */
@Module({
  providers: [
    {
      provide: JOURNAL,
      // Published outermost: the finish's write time is measured without the observers' work. The finish queues the
      // request's system callback itself (SystemCallbackOutbox), in the transaction that records the outcome.
      useFactory: (db: Database, metrics: Metrics, events: OutboundEvents, outbox: SystemCallbackOutbox) =>
        new PublishingJournal(new MeteredJournal(new SqlJournal(db, outbox), metrics), events),
      inject: [DATABASE, Metrics, OutboundEvents, SystemCallbackOutbox],
    },
    { provide: OutboundHistory, useFactory: (db: Database) => new OutboundHistory(db), inject: [DATABASE] },
  ],
  exports: [JOURNAL, OutboundHistory],
})
export class JournalModule {}
