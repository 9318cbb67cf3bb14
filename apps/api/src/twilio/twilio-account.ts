import type { createTwilioClient } from '@flex-sms/twilio-adapter';

/**
 * The Twilio account the API works on, and the services it uses there. Injected by class token:
 * `constructor(private readonly account: TwilioAccount)`.
 */
export abstract class TwilioAccount {
  /** `sandbox`: the embedded sandbox this process started (no credentials configured); `twilio`: a configured account. */
  abstract readonly mode: 'sandbox' | 'twilio';
  abstract readonly accountSid: string;
  /**
   * The Proxy Service (KS…) that relays SMS to and from the Flex Chat channels; null on a deployment whose numbers
   * all use Flex Conversations (its Proxy ports then refuse with PROXY_SERVICE_NOT_CONFIGURED).
   */
  abstract readonly proxyServiceSid: string | null;
  /** The Flex Chat Service (IS…) the channels live in. */
  abstract readonly chatServiceSid: string;
  /** Where the SDK sends requests; unset = real Twilio. */
  abstract readonly baseUrl?: string;
  /** The embedded sandbox's URL (its `/_sandbox/*` controls too), in sandbox mode only. */
  abstract readonly sandboxUrl?: string;
}

/** The official SDK client, pointed at the account's Twilio (real or sandbox). */
export type TwilioClient = ReturnType<typeof createTwilioClient>;
