import { Injectable, OnModuleInit } from '@nestjs/common';
import { OutboundEvent, OutboundEventObserver, OutboundEvents } from '../events/outbound-events';
import { SqlSystemCallbackStore } from './sql-system-callback-store';
import { SystemCallbackSender } from './system-callback-sender';

/**
 * Hears every outbound change (a request's final state, a message's delivery) and writes its callback to the outbox
 * before the publisher goes on: once the publish has returned, the callback survives a crash. Sending is the
 * sender's job, woken up here so the callback goes out now rather than at the next poll.
 */
@Injectable()
export class SystemCallbackRecorder implements OutboundEventObserver, OnModuleInit {
  constructor(
    private readonly events: OutboundEvents,
    private readonly store: SqlSystemCallbackStore,
    private readonly sender: SystemCallbackSender,
  ) {}

  onModuleInit(): void {
    this.events.onOutbound(this);
  }

  async onOutboundEvent(event: OutboundEvent): Promise<void> {
    if (await this.store.enqueue(event, new Date())) this.sender.wake();
  }
}
