import { INestApplication, RequestMethod } from '@nestjs/common';
import { RouteInfo } from '@nestjs/common/interfaces';

/** Every feature route lives under this prefix: `/api/v1/outbound/…`. */
export const API_PREFIX = 'api/v1';

/** The original Twilio Functions' paths, kept as drop-in replacements for existing callers (Studio, CRMs). */
export const LEGACY_FUNCTION_PATHS = ['flex-initiate-outbound-sms', 'flex-initiate-outbound-sms-task'] as const;

/**
 * Routes served outside API_PREFIX: probes where load balancers expect them, the metrics where Prometheus expects
 * them, and the legacy Function paths. (The Swagger UI at /docs is mounted outside Nest's router and needs no entry.)
 */
export const UNPREFIXED_ROUTES: RouteInfo[] = [
  { path: 'health', method: RequestMethod.GET },
  { path: 'health/ready', method: RequestMethod.GET },
  { path: 'metrics', method: RequestMethod.GET },
  ...LEGACY_FUNCTION_PATHS.map((path) => ({ path, method: RequestMethod.ALL })),
];

/** The prefix as every route and the OpenAPI document see it. */
export function setRoutePrefix(app: INestApplication): void {
  app.setGlobalPrefix(API_PREFIX, { exclude: UNPREFIXED_ROUTES });
}
