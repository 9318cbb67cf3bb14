import { Injectable } from '@nestjs/common';
import type { DeliveryObserver, MessageDelivery } from '@flex-sms/domain';
import { OutboundEvents } from '../events/outbound-events';
import { Metrics } from '../metrics/metrics';
import { deliveryEvent } from './sql-delivery-log';

/** A recorded delivery status, told onwards: counted once when it moved, published (system callbacks) every time. */
@Injectable()
export class PublishingDeliveryObserver implements DeliveryObserver {
  constructor(
    private readonly events: OutboundEvents,
    private readonly metrics: Metrics,
  ) {}

  async onDeliveryRecorded(delivery: MessageDelivery, changed: boolean): Promise<void> {
    if (changed) this.metrics.deliveryStatuses.inc({ status: delivery.status });
    await this.events.publishOutbound(deliveryEvent(delivery));
  }
}
