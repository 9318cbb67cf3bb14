import { CanActivate, ExecutionContext, Inject, Injectable, UseGuards, applyDecorators } from '@nestjs/common';
import type { Request } from 'express';
import twilio from 'twilio';
import { ApiException } from '../common/api-exception';
import { AppConfig } from '../config/app-config';
import type { TwilioClient } from '../twilio/twilio-account';
import { TWILIO_CLIENT } from '../twilio/twilio.tokens';
import { Public } from './public.decorator';

export const TWILIO_SIGNATURE_HEADER = 'x-twilio-signature';

/**
 * For routes Twilio calls (status callbacks, webhooks): they carry no API key, so they must prove they come from
 * Twilio with X-Twilio-Signature, an HMAC of the URL and the form parameters with the account's auth token
 * (https://www.twilio.com/docs/usage/security#validating-requests), checked with the SDK's validateRequest.
 *
 * The URL is the one Twilio called: PUBLIC_BASE_URL followed by the request's path and query (what the API registered
 * with Twilio; the `#…` connection overrides are never sent, so never signed). Without PUBLIC_BASE_URL (sandbox mode),
 * the request's own scheme and host, which with TRUST_PROXY set come from X-Forwarded-Proto/Host.
 * The embedded sandbox signs its callbacks with its demo auth token like Twilio does. With API key credentials
 * (TWILIO_API_KEY) there is no auth token to check against, so such routes answer 503 (fail closed).
 */
@Injectable()
export class TwilioSignatureGuard implements CanActivate {
  private readonly authToken: string | undefined;
  private readonly publicBaseUrl: string | null;

  constructor(config: AppConfig, @Inject(TWILIO_CLIENT) client: TwilioClient) {
    this.publicBaseUrl = config.delivery.publicBaseUrl;
    const twilioSettings = config.twilio;
    if (twilioSettings.mode === 'sandbox') this.authToken = client.password;
    else this.authToken = twilioSettings.credentials.kind === 'authToken' ? twilioSettings.credentials.authToken : undefined;
  }

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<Request>();
    if (!this.authToken)
      throw new ApiException(503, 'TWILIO_SIGNATURE_UNVERIFIABLE', 'Twilio webhooks need TWILIO_AUTH_TOKEN to verify their signature.');
    const signature = request.header(TWILIO_SIGNATURE_HEADER);
    const url = `${this.publicBaseUrl ?? `${request.protocol}://${request.get('host')}`}${request.originalUrl}`;
    const params = isFormEncoded(request) ? (request.body as Record<string, unknown>) : {};
    if (signature && twilio.validateRequest(this.authToken, signature, url, params)) return true;
    throw new ApiException(403, 'INVALID_TWILIO_SIGNATURE', 'The X-Twilio-Signature header is missing or does not match this request.');
  }
}

function isFormEncoded(request: Request): boolean {
  return Boolean(request.is('application/x-www-form-urlencoded')) && typeof request.body === 'object' && request.body !== null;
}

/** A route Twilio calls: no API key or session (Twilio has neither), a valid X-Twilio-Signature instead. */
export const TwilioWebhook = () => applyDecorators(Public(), UseGuards(TwilioSignatureGuard));
