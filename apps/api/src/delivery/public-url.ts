import type { AddressInfo } from 'node:net';
import { Injectable } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { AppConfig } from '../config/app-config';
import { TwilioAccount } from '../twilio/twilio-account';
import { API_PREFIX } from '../routes';

/** The webhook routes Twilio calls, under API_PREFIX, named after what calls them. */
export const TWILIO_WEBHOOK_PATHS = {
  conversations: 'webhooks/twilio/conversations',
  proxy: 'webhooks/twilio/proxy',
  /** A Message's StatusCallback, given with each send made through the Messages API (`PublicUrl.webhookUrl('messages')`). */
  messages: 'webhooks/twilio/messages',
} as const;

/**
 * Twilio's connection overrides (docs "Webhooks (HTTP callbacks): Connection Overrides"): by default Twilio retries a
 * callback once, and only when it cannot connect; these ask it to retry a 5xx and timeouts three times too, so an
 * answer of 500 (the journal or an observer failed) gets the callback again. The fragment is never sent nor signed.
 */
export const CALLBACK_CONNECTION_OVERRIDES = '#rc=3&rp=5xx,ct,rt';

/**
 * Where Twilio reaches this API: PUBLIC_BASE_URL, or in sandbox mode the API's own address (the embedded sandbox runs
 * in the same process). Null in Twilio mode without PUBLIC_BASE_URL: delivery is then learnt by reconciliation only.
 */
@Injectable()
export class PublicUrl {
  constructor(
    private readonly config: AppConfig,
    private readonly account: TwilioAccount,
    private readonly adapterHost: HttpAdapterHost,
  ) {}

  /** Null until the API listens, in sandbox mode without PUBLIC_BASE_URL. */
  baseUrl(): string | null {
    if (this.config.delivery.publicBaseUrl) return this.config.delivery.publicBaseUrl;
    if (this.account.mode !== 'sandbox') return null;
    const address = this.adapterHost.httpAdapter?.getHttpServer()?.address() as AddressInfo | string | null | undefined;
    if (!address || typeof address === 'string') return null;
    const host =
      address.address === '0.0.0.0' || address.address === '::'
        ? '127.0.0.1'
        : address.address.includes(':')
          ? `[${address.address}]`
          : address.address;
    return `http://${host}:${address.port}`;
  }

  /** The URL to register with Twilio for a webhook route, overrides included; null when Twilio cannot reach the API. */
  webhookUrl(route: keyof typeof TWILIO_WEBHOOK_PATHS): string | null {
    const base = this.baseUrl();
    return base ? `${base}/${API_PREFIX}/${TWILIO_WEBHOOK_PATHS[route]}${CALLBACK_CONNECTION_OVERRIDES}` : null;
  }
}
