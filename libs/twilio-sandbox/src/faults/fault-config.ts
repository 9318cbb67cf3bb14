/** Faults applied to Twilio requests (never to `/_sandbox/*`). Shares are probabilities between 0 and 1. */
export interface FaultSettings {
  /** Added before the request is handled, in milliseconds. */
  latencyMs?: number;
  /** Share of requests answered with a 5xx (`errorStatus`, default 503, Twilio error 20503 / 20500). */
  errorRate?: number;
  errorStatus?: number;
  /** Share of requests answered 429 (Twilio 20429) with `Retry-After: retryAfterSeconds`. */
  rateLimitRate?: number;
  retryAfterSeconds?: number;
  /** Share of requests whose connection is destroyed without an answer. */
  dropRate?: number;
}

/**
 * A request pattern: `method` (any if absent) and `path` over `/<domain>/<path>` where `*` stands for one segment
 * and `**` for any rest, e.g. `/proxy/v1/Services/*\/Sessions` or `/chat/**`.
 */
export interface RequestPattern {
  method?: string;
  path?: string;
}

export interface EndpointFault extends FaultSettings, RequestPattern {}

/** Deterministic failure for tests: the next `count` requests matching the pattern get `status`/`code`. */
export interface FailNextRule extends RequestPattern {
  count: number;
  status: number;
  code: number;
  message?: string;
  retryAfterSeconds?: number;
}

/**
 * Faults of the delivery callbacks the sandbox sends (a message's status: Message StatusCallback, Proxy interaction
 * status, Conversations onDeliveryUpdated), as real networks and Twilio's at-least-once delivery produce them. Other
 * callbacks (a customer's inbound message) are left alone. Shares are probabilities between 0 and 1.
 */
export interface CallbackFaults {
  /** Share of delivery callbacks never sent (the receiver must read the status back: reconciliation). */
  callbackDropRate?: number;
  /** Share of delivery callbacks sent twice (a redelivery). */
  callbackDuplicateRate?: number;
  /**
   * Each delivery callback (and each copy) is held back a random 0..callbackReorderMs milliseconds and sent outside
   * its resource's order, so a later status may arrive before an earlier one. 0 or absent: in order, at once.
   */
  callbackReorderMs?: number;
}

export interface FaultConfig extends FaultSettings, CallbackFaults {
  /** Requests of the account in flight at once beyond which Twilio answers 429 (20429). */
  concurrencyLimit?: number;
  /** Settings for matching requests; the first match overrides the global settings it names. */
  endpoints?: EndpointFault[];
  failNext?: FailNextRule[];
}

/** Checks a fault configuration sent to `PUT /_sandbox/faults`; returns the problems found. */
export function validateFaultConfig(config: unknown): string[] {
  if (config === null || typeof config !== 'object' || Array.isArray(config)) return ['the body must be a JSON object'];
  const problems: string[] = [];
  const value = config as FaultConfig;
  checkSettings(value, 'faults', problems);
  if (value.concurrencyLimit !== undefined && !(Number.isInteger(value.concurrencyLimit) && value.concurrencyLimit >= 1)) {
    problems.push('concurrencyLimit must be an integer >= 1');
  }
  for (const share of ['callbackDropRate', 'callbackDuplicateRate'] as const) {
    const rate = value[share];
    if (rate !== undefined && !(typeof rate === 'number' && rate >= 0 && rate <= 1)) problems.push(`faults.${share} must be between 0 and 1`);
  }
  if (value.callbackReorderMs !== undefined && !(Number.isInteger(value.callbackReorderMs) && value.callbackReorderMs >= 0)) {
    problems.push('faults.callbackReorderMs must be a whole number of milliseconds, 0 or more');
  }
  (value.endpoints ?? []).forEach((endpoint, index) => checkSettings(endpoint, `endpoints[${index}]`, problems));
  (value.failNext ?? []).forEach((rule, index) => {
    if (!(Number.isInteger(rule.count) && rule.count >= 1)) problems.push(`failNext[${index}].count must be an integer >= 1`);
    if (!(Number.isInteger(rule.status) && rule.status >= 400 && rule.status <= 599)) problems.push(`failNext[${index}].status must be 400-599`);
    if (!Number.isInteger(rule.code)) problems.push(`failNext[${index}].code must be an integer`);
  });
  return problems;
}

function checkSettings(settings: FaultSettings, where: string, problems: string[]): void {
  for (const share of ['errorRate', 'rateLimitRate', 'dropRate'] as const) {
    const rate = settings[share];
    if (rate !== undefined && !(typeof rate === 'number' && rate >= 0 && rate <= 1)) problems.push(`${where}.${share} must be between 0 and 1`);
  }
  if (settings.latencyMs !== undefined && !(typeof settings.latencyMs === 'number' && settings.latencyMs >= 0)) {
    problems.push(`${where}.latencyMs must be >= 0`);
  }
  if (settings.errorStatus !== undefined && !(Number.isInteger(settings.errorStatus) && settings.errorStatus >= 500 && settings.errorStatus <= 599)) {
    problems.push(`${where}.errorStatus must be 500-599`);
  }
}
