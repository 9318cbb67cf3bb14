import { Inject, Injectable, Logger } from '@nestjs/common';
import { registerDeliveryCallbacks, type DeliveryCallbackRegistration, type DeliveryCallbackRegistryPort, type SetupCheck } from '@flex-sms/domain';
import { AppConfig } from '../config/app-config';
import { TwilioAccount } from '../twilio/twilio-account';
import { DELIVERY_CALLBACK_REGISTRY } from './delivery.tokens';
import { PublicUrl } from './public-url';

/** Whether Twilio tells this API what happened to its messages, and why not when it does not. */
export interface DeliveryTracking {
  callbacks: 'on' | 'off';
  /** Why callbacks are off (reconciliation still settles every send). */
  reason?: string;
}

export const CALLBACKS_NEED_PUBLIC_BASE_URL =
  'PUBLIC_BASE_URL is not set, so Twilio cannot call this API back: delivery statuses come from reconciliation only (DELIVERY_RECONCILE_AFTER_MS after each send)';

/**
 * Registers the API's webhook routes with Twilio once it listens (main.ts, and the doctor again on demand) and
 * remembers the outcome for the doctor and the readiness details.
 */
@Injectable()
export class DeliveryCallbacks {
  private readonly logger = new Logger('DeliveryCallbacks');
  private registrations: DeliveryCallbackRegistration[] = [];

  constructor(
    private readonly config: AppConfig,
    private readonly account: TwilioAccount,
    private readonly publicUrl: PublicUrl,
    @Inject(DELIVERY_CALLBACK_REGISTRY) private readonly registry: DeliveryCallbackRegistryPort,
  ) {}

  async register(): Promise<DeliveryCallbackRegistration[]> {
    if (!this.publicUrl.baseUrl()) return (this.registrations = []);
    const { defaultMode, conversationsNumbers, detect } = this.config.outboundModes;
    const proxyUrl = this.publicUrl.webhookUrl('proxy');
    const conversationsUrl = this.publicUrl.webhookUrl('conversations');
    this.registrations = await registerDeliveryCallbacks(this.registry, {
      // Proxy carries the numbers in Chat + Proxy mode, Conversations the others; a service no number uses is left alone.
      // With each number's mode found from the account (OUTBOUND_MODE unset), either may carry a send: both are heard
      // (Conversations' webhook also feeds the WhatsApp window with the customers' messages).
      proxyCallbackUrl: defaultMode === 'chat-proxy' && this.account.proxyServiceSid && proxyUrl ? proxyUrl : undefined,
      conversations:
        (defaultMode === 'conversations' || conversationsNumbers.length > 0 || detect) && conversationsUrl
          ? { chatServiceSid: this.account.chatServiceSid, url: conversationsUrl }
          : undefined,
    });
    for (const registration of this.registrations) {
      if (registration.outcome === 'failed') this.logger.warn(`Could not register the ${registration.target} callback: ${registration.error}`);
      if (registration.outcome === 'held-by-another-url')
        this.logger.warn(`The ${registration.target} callback is ${registration.url}, not this API's: left alone`);
    }
    return this.registrations;
  }

  tracking(): DeliveryTracking {
    if (!this.publicUrl.baseUrl()) return { callbacks: 'off', reason: CALLBACKS_NEED_PUBLIC_BASE_URL };
    const blocked = this.registrations.find((registration) => registration.outcome !== 'registered' && registration.outcome !== 'already-registered');
    if (blocked) return { callbacks: 'off', reason: `${blocked.target}: ${describe(blocked)}` };
    return { callbacks: 'on' };
  }

  /** The doctor's line about delivery callbacks, after registering again (a fix in the Console shows at once). */
  async check(): Promise<SetupCheck> {
    const registrations = await this.register();
    const title = 'Delivery status callbacks';
    if (!this.publicUrl.baseUrl()) {
      return {
        id: 'delivery-callbacks',
        title,
        status: 'warning',
        detail: CALLBACKS_NEED_PUBLIC_BASE_URL,
        fix: 'Set PUBLIC_BASE_URL to the https URL Twilio reaches this API at, and restart.',
      };
    }
    const problems = registrations.filter((registration) => registration.outcome === 'failed' || registration.outcome === 'held-by-another-url');
    const context = Object.fromEntries(registrations.map((registration) => [registration.target, registration.url]));
    if (problems.length === 0) {
      return {
        id: 'delivery-callbacks',
        title,
        status: 'ok',
        detail: `Twilio reports delivery to ${registrations.map((registration) => registration.url).join(' and ')}`,
        context,
      };
    }
    return {
      id: 'delivery-callbacks',
      title,
      status: 'warning',
      detail: problems.map((problem) => `${problem.target}: ${describe(problem)}`).join('; '),
      fix: "Clear the service's callback URL in the Twilio Console (or point your integration elsewhere) so this API can register its own; until then delivery statuses come from reconciliation only.",
      context,
    };
  }
}

function describe(registration: DeliveryCallbackRegistration): string {
  if (registration.outcome === 'held-by-another-url') return `its callback URL is ${registration.url}, set by another integration; left alone`;
  return `could not be registered (${registration.error ?? 'unknown error'})`;
}
