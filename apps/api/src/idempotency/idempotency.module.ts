import { Module } from '@nestjs/common';
import { systemClock } from '@flex-sms/domain';
import { DATABASE, Database } from '../store/database';
import { InstancePresence } from '../store/instance-presence';
import { IdempotencyInterceptor } from './idempotency.interceptor';
import { IdempotencyStore } from './idempotency-store';

/** Idempotency-Key support for the routes that create things: `@Idempotent()` on the handler. */
@Module({
  providers: [
    {
      provide: IdempotencyStore,
      useFactory: (db: Database, presence: InstancePresence) => new IdempotencyStore(db, systemClock, presence),
      inject: [DATABASE, InstancePresence],
    },
    IdempotencyInterceptor,
  ],
  exports: [IdempotencyStore, IdempotencyInterceptor],
})
export class IdempotencyModule {}
