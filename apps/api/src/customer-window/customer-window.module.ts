import { Inject, Module, OnModuleInit } from '@nestjs/common';
import { OutboundEvents } from '../events/outbound-events';
import { DATABASE, Database } from '../store/database';
import { SqlCustomerWindow } from './sql-customer-window';

/** Injection token of the domain's CustomerWindowPort. */
export const CUSTOMER_WINDOW = Symbol('CUSTOMER_WINDOW');

/** Hears every inbound message (OutboundEvents) and keeps when each customer last wrote to each sender. */
@Module({
  providers: [{ provide: CUSTOMER_WINDOW, useFactory: (db: Database) => new SqlCustomerWindow(db), inject: [DATABASE] }],
  exports: [CUSTOMER_WINDOW],
})
export class CustomerWindowModule implements OnModuleInit {
  constructor(
    @Inject(CUSTOMER_WINDOW) private readonly window: SqlCustomerWindow,
    private readonly events: OutboundEvents,
  ) {}

  onModuleInit(): void {
    this.events.onInbound(this.window);
  }
}
