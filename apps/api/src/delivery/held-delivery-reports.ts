import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { DELIVERY_STATUSES, applyHeldDeliveryReports, type Clock } from '@flex-sms/domain';
import { OutboundEvents } from '../events/outbound-events';
import { PublishingDeliveryObserver } from './delivery-observer';
import { DELIVERY_CLOCK } from './delivery-reconciliation';
import { SqlDeliveryLog } from './sql-delivery-log';

/** Reports are held once per message and status: a request's message never has more. */
const REPORTS_PER_MESSAGE = DELIVERY_STATUSES.length;

/**
 * Records what Twilio reported about a send's message before the send had journaled it, as soon as the send's
 * request is recorded as succeeded (its `message` step is written with its outcome). A failure here fails nothing:
 * reconciliation records what is still held at its next run.
 */
@Injectable()
export class HeldDeliveryReports implements OnModuleInit {
  constructor(
    private readonly events: OutboundEvents,
    private readonly log: SqlDeliveryLog,
    private readonly observer: PublishingDeliveryObserver,
    @Inject(DELIVERY_CLOCK) private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.events.onOutbound({
      onOutboundEvent: async (event) => {
        if (event.kind === 'request.state' && event.state === 'succeeded' && this.log.mayHoldReportsFor(Date.now()))
          await applyHeldDeliveryReports(
            { log: this.log, observer: this.observer, clock: this.clock },
            { requestId: event.requestId, limit: REPORTS_PER_MESSAGE },
          );
      },
    });
  }
}
