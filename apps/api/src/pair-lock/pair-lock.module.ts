import { Module } from '@nestjs/common';
import { Metrics } from '../metrics/metrics';
import { DATABASE, Database } from '../store/database';
import { DatabasePairLock } from './database-pair-lock';

/** Injection token of the domain's PairLock port. */
export const PAIR_LOCK = Symbol('PAIR_LOCK');

@Module({
  providers: [{ provide: PAIR_LOCK, useFactory: (db: Database, metrics: Metrics) => new DatabasePairLock(db, metrics), inject: [DATABASE, Metrics] }],
  exports: [PAIR_LOCK],
})
export class PairLockModule {}
