import { Injectable } from '@nestjs/common';
import type { TwilioRequestObservation, TwilioRequestObserver } from '@flex-sms/twilio-adapter';
import { currentRequestContext } from '../common/request-context';
import { Metrics } from './metrics';

/** The `status` label of a request that got no answer (connection refused or dropped, timeout). */
export const NO_ANSWER = 'no_answer';

/**
 * Every HTTP request the Twilio client sends: counted and timed by product, and added to the API request it was
 * made for (its log line says how many Twilio requests it took and how long they took).
 */
@Injectable()
export class TwilioRequestMetrics implements TwilioRequestObserver {
  constructor(private readonly metrics: Metrics) {}

  requestFinished({ product, method, status, durationMs }: TwilioRequestObservation): void {
    this.metrics.twilioRequests.inc({ product, method, status: status === null ? NO_ANSWER : String(status) });
    this.metrics.twilioRequestDuration.observe({ product }, durationMs / 1000);
    if (status === 429) this.metrics.twilioRateLimited.inc({ product });
    const context = currentRequestContext();
    if (context) {
      context.twilioRequests += 1;
      context.twilioMs += durationMs;
    }
  }
}
