import { Injectable, OnModuleInit } from '@nestjs/common';
import { SystemCallbackOutbox } from './system-callback-outbox';
import { SystemCallbackSender } from './system-callback-sender';

/**
 * Hears that a change queued its system callback (the journal's finish, the delivery log's record: each writes the
 * row in its own transaction, system-callback-outbox.ts) and wakes the sender, so the callback goes out now rather
 * than at the next poll.
 */
@Injectable()
export class SystemCallbackWaker implements OnModuleInit {
  constructor(
    private readonly outbox: SystemCallbackOutbox,
    private readonly sender: SystemCallbackSender,
  ) {}

  onModuleInit(): void {
    this.outbox.onQueued(() => this.sender.wake());
  }
}
