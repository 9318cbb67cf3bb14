import { SetMetadata, applyDecorators } from '@nestjs/common';
import { ApiExtension } from '@nestjs/swagger';

export const ACCEPTS_METRICS_TOKEN = 'flex-sms:accepts-metrics-token';

/**
 * Lets the metrics scraper's token (`Authorization: Bearer <METRICS_TOKEN>`) in, besides the callers the route's
 * role admits. The token opens no other route: anywhere else it is an unknown key (401).
 */
export const AcceptsMetricsToken = () =>
  applyDecorators(SetMetadata(ACCEPTS_METRICS_TOKEN, true), ApiExtension('x-accepts-metrics-token', 'Authorization: Bearer <METRICS_TOKEN>'));
