import { Module } from '@nestjs/common';
import { systemClock } from '@flex-sms/domain';
import { DATABASE, Database } from '../store/database';
import { IdempotencyInterceptor } from './idempotency.interceptor';
import { IdempotencyStore } from './idempotency-store';

/** Idempotency-Key support for the routes that create things: `@Idempotent()` on the handler. */
@Module({
  providers: [{ provide: IdempotencyStore, useFactory: (db: Database) => new IdempotencyStore(db, systemClock), inject: [DATABASE] }, IdempotencyInterceptor],
  exports: [IdempotencyStore, IdempotencyInterceptor],
})
export class IdempotencyModule {}
