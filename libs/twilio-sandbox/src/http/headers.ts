import type { TwilioRequest } from './route';

/** Chat/Conversations: webhooks fire for REST-made changes only when `X-Twilio-Webhook-Enabled: true` is sent. */
export function webhooksEnabled(request: Pick<TwilioRequest, 'headers'>): boolean {
  const value = request.headers['x-twilio-webhook-enabled'];
  return (Array.isArray(value) ? value[0] : value)?.toLowerCase() === 'true';
}
