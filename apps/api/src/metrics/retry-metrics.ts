import { Injectable } from '@nestjs/common';
import type { RetryObservation, RetryObserver } from '@flex-sms/domain';
import { Metrics } from './metrics';

/** The domain's retries of Twilio operations (throttled, server_error, connection), and the waits before them. */
@Injectable()
export class RetryMetrics implements RetryObserver {
  constructor(private readonly metrics: Metrics) {}

  retrying({ reason, delayMs }: RetryObservation): void {
    this.metrics.twilioRetries.inc({ reason });
    this.metrics.twilioBackoff.observe({ reason }, delayMs / 1000);
  }
}
