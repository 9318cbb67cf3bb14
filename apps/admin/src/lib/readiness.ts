// The API's readiness (GET /health/ready, apps/api/src/health), as the console shows it. The API answers 200
// `{status: 'ready', checks}` when it can serve, and 503 NOT_READY with the same `checks` in the error's `context`
// when it cannot: both are answers about readiness, so both become a Readiness here, not an error.
import { ApiError, isRecord } from './api-error';

export type TwilioMode = 'sandbox' | 'twilio';

/**
 * How the deployment's numbers start outbound conversations: Programmable Chat + Proxy (`chat-proxy`), Conversations +
 * Flex Interactions (`conversations`), or some numbers of each (`mixed`).
 */
export type DeploymentOutboundMode = 'chat-proxy' | 'conversations' | 'mixed';

export interface DependencyCheck {
  up: boolean;
  /** Why the dependency is down, in the API's words ("answered HTTP 401 (Twilio error 20003)"). */
  reason?: string;
}

export interface Readiness {
  ready: boolean;
  database: DependencyCheck;
  /**
   * `mode`: whether the API talks to a real Twilio account or to its embedded sandbox; `outboundMode`: which Flex
   * products its numbers use. Each only when the API reports it.
   */
  twilio: DependencyCheck & { mode?: TwilioMode; outboundMode?: DeploymentOutboundMode };
}

export const NOT_READY_CODE = 'NOT_READY';

function toCheck(value: unknown): DependencyCheck {
  if (!isRecord(value)) return { up: false, reason: 'not reported' };
  return { up: value.status === 'up', ...(typeof value.reason === 'string' ? { reason: value.reason } : {}) };
}

function toTwilioMode(value: unknown): TwilioMode | undefined {
  return value === 'sandbox' || value === 'twilio' ? value : undefined;
}

const OUTBOUND_MODES: readonly DeploymentOutboundMode[] = ['chat-proxy', 'conversations', 'mixed'];

function toOutboundMode(value: unknown): DeploymentOutboundMode | undefined {
  return OUTBOUND_MODES.find((mode) => mode === value);
}

function fromChecks(checks: Record<string, unknown>): Omit<Readiness, 'ready'> {
  const twilio = isRecord(checks.twilio) ? checks.twilio : {};
  const mode = toTwilioMode(twilio.mode);
  const outboundMode = toOutboundMode(twilio.outboundMode);
  return {
    database: toCheck(checks.database),
    twilio: { ...toCheck(checks.twilio), ...(mode ? { mode } : {}), ...(outboundMode ? { outboundMode } : {}) },
  };
}

/** Reads a 200 answer of /health/ready. Throws when it is not a readiness report at all. */
export function toReadiness(body: unknown): Readiness {
  if (!isRecord(body) || !isRecord(body.checks)) throw new Error('The API answered /health/ready without a readiness report.');
  const checks = fromChecks(body.checks);
  return { ready: body.status === 'ready' && checks.database.up && checks.twilio.up, ...checks };
}

/** Reads a 503 NOT_READY answer of /health/ready; `undefined` for any other error. */
export function notReadyReadiness(error: unknown): Readiness | undefined {
  if (!(error instanceof ApiError) || error.code !== NOT_READY_CODE || !isRecord(error.context.checks)) return undefined;
  return { ready: false, ...fromChecks(error.context.checks) };
}
