import { Injectable } from '@nestjs/common';
import type { InboundMessage, InboundMessageObserver } from '@flex-sms/domain';

/** A change a calling system may want to hear about (system callbacks), once the journal has recorded it. */
export type OutboundEvent =
  | { readonly kind: 'request.state'; readonly requestId: string; readonly state: string; readonly at: Date }
  | {
      readonly kind: 'delivery';
      readonly requestId: string;
      readonly messageSid: string;
      readonly status: string;
      readonly errorCode: number | null;
      readonly at: Date;
    };

export interface OutboundEventObserver {
  onOutboundEvent(event: OutboundEvent): Promise<void>;
}

/**
 * Where webhooks and the outbound flows tell what happened, and where consent, the WhatsApp window and system
 * callbacks listen: each side knows this class, not the others. Observers are called in order of registration
 * and must be idempotent: an observer that throws makes the publish throw, so a webhook answers 5xx and Twilio
 * redelivers (the observers that had already heard it hear it again).
 */
@Injectable()
export class OutboundEvents {
  private readonly inboundObservers: InboundMessageObserver[] = [];
  private readonly outboundObservers: OutboundEventObserver[] = [];

  onInbound(observer: InboundMessageObserver): void {
    this.inboundObservers.push(observer);
  }

  onOutbound(observer: OutboundEventObserver): void {
    this.outboundObservers.push(observer);
  }

  async publishInbound(message: InboundMessage): Promise<void> {
    for (const observer of this.inboundObservers) {
      await observer.onInboundMessage(message);
    }
  }

  async publishOutbound(event: OutboundEvent): Promise<void> {
    for (const observer of this.outboundObservers) {
      await observer.onOutboundEvent(event);
    }
  }
}
