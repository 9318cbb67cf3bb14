import { Global, Module } from '@nestjs/common';
import { OutboundEvents } from './outbound-events';

/** Global: webhooks and flows publish, consent, the WhatsApp window and system callbacks subscribe (onModuleInit). */
@Global()
@Module({ providers: [OutboundEvents], exports: [OutboundEvents] })
export class EventsModule {}
