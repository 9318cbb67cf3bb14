import { Global, Module } from '@nestjs/common';
import { MetricsController } from './metrics.http.controller';
import { Metrics } from './metrics';
import { RetryMetrics } from './retry-metrics';
import { TwilioRequestMetrics } from './twilio-request-metrics';

/**
 * The API's metrics (one Metrics registry per app), `GET /metrics`, and what the Twilio client and the domain's
 * retrier report to: global, so each module records its own metrics where they happen.
 */
@Global()
@Module({
  controllers: [MetricsController],
  providers: [Metrics, TwilioRequestMetrics, RetryMetrics],
  exports: [Metrics, TwilioRequestMetrics, RetryMetrics],
})
export class MetricsModule {}
