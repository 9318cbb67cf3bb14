import { Global, Module } from '@nestjs/common';
import { TwilioDeliveryCallbackRegistryAdapter, TwilioMessageDeliveryAdapter } from '@flex-sms/twilio-adapter';
import { TwilioAccount, type TwilioClient } from '../twilio/twilio-account';
import { TWILIO_CLIENT } from '../twilio/twilio.tokens';
import { DeliveryCallbacks } from './delivery-callbacks';
import { PublishingDeliveryObserver } from './delivery-observer';
import { DEFAULT_DELIVERY_CLOCK, DELIVERY_CLOCK, DeliveryReconciliation } from './delivery-reconciliation';
import { DELIVERY_CALLBACK_REGISTRY, MESSAGE_DELIVERY } from './delivery.tokens';
import { HeldDeliveryReports } from './held-delivery-reports';
import { PublicUrl } from './public-url';
import { SqlDeliveryLog } from './sql-delivery-log';
import { TwilioWebhooksController } from './twilio-webhooks.http.controller';
import { TwilioWebhooks } from './twilio-webhooks.service';

/**
 * Delivery truth: the webhook routes Twilio calls, their registration, the journal's delivery history and the
 * reconciliation of sends no callback settled. Global: the history routes read deliveries, the doctor and readiness
 * say whether callbacks are on.
 */
@Global()
@Module({
  controllers: [TwilioWebhooksController],
  providers: [
    PublicUrl,
    SqlDeliveryLog,
    PublishingDeliveryObserver,
    TwilioWebhooks,
    DeliveryCallbacks,
    DeliveryReconciliation,
    HeldDeliveryReports,
    { provide: DELIVERY_CLOCK, useValue: DEFAULT_DELIVERY_CLOCK },
    {
      provide: MESSAGE_DELIVERY,
      useFactory: (client: TwilioClient, account: TwilioAccount) =>
        new TwilioMessageDeliveryAdapter(client, { accountSid: account.accountSid, proxyServiceSid: account.proxyServiceSid }),
      inject: [TWILIO_CLIENT, TwilioAccount],
    },
    {
      provide: DELIVERY_CALLBACK_REGISTRY,
      useFactory: (client: TwilioClient, account: TwilioAccount) => new TwilioDeliveryCallbackRegistryAdapter(client, account.proxyServiceSid),
      inject: [TWILIO_CLIENT, TwilioAccount],
    },
  ],
  exports: [SqlDeliveryLog, DeliveryCallbacks, DeliveryReconciliation, PublicUrl],
})
export class DeliveryModule {}
