import { Injectable, OnModuleInit } from '@nestjs/common';
import { OutboundEventObserver, OutboundEvents } from '../events/outbound-events';
import { SystemCallbackSender } from './system-callback-sender';

/**
 * Hears every outbound change (a request's final state, a message's delivery), whose callback the change's own
 * transaction has already queued (the journal's finish, the delivery log's record: system-callback-outbox.ts), and
 * wakes the sender so the callback goes out now rather than at the next poll.
 */
@Injectable()
export class SystemCallbackWaker implements OutboundEventObserver, OnModuleInit {
  constructor(
    private readonly events: OutboundEvents,
    private readonly sender: SystemCallbackSender,
  ) {}

  onModuleInit(): void {
    this.events.onOutbound(this);
  }

  async onOutboundEvent(): Promise<void> {
    this.sender.wake();
  }
}
