import { Module } from '@nestjs/common';
import { SqlApiKeyStore } from '../api-keys/sql-api-key-store';
import { JournalModule } from '../journal/journal.module';
import { SqlSystemCallbackStore } from './sql-system-callback-store';
import { StatusCallbackPolicy } from './status-callback-policy';
import { SystemCallbackWaker } from './system-callback-waker';
import { SystemCallbackSender } from './system-callback-sender';
import { SystemCallbacksController } from './system-callbacks.http.controller';

/**
 * System callbacks: the outbox an observer of OutboundEvents fills, the sender that empties it, and each request's
 * delivery log. The sending routes use StatusCallbackPolicy to check a request's own callback URL.
 */
@Module({
  imports: [JournalModule],
  controllers: [SystemCallbacksController],
  // The key store (stateless, on the database) for the keys' signing secrets; not ApiKeysModule, whose routes are
  // admin business.
  providers: [SqlApiKeyStore, SqlSystemCallbackStore, SystemCallbackSender, SystemCallbackWaker, StatusCallbackPolicy],
  exports: [StatusCallbackPolicy, SystemCallbackSender],
})
export class SystemCallbacksModule {}
