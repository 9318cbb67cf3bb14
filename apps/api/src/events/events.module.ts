import { Global, Module } from '@nestjs/common';
import { SystemCallbackOutbox } from '../system-callbacks/system-callback-outbox';
import { OutboundEvents } from './outbound-events';

/**
 * Global: webhooks and flows publish, consent, the WhatsApp window and system callbacks subscribe (onModuleInit); the
 * journal and the delivery log say when a change queued a system callback (SystemCallbackOutbox), the sender hears it.
 */
@Global()
@Module({ providers: [OutboundEvents, SystemCallbackOutbox], exports: [OutboundEvents, SystemCallbackOutbox] })
export class EventsModule {}
