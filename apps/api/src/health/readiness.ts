import { Inject, Injectable } from '@nestjs/common';
import { SenderModeDirectory, type Clock, type OutboundModePolicy, type SenderMode } from '@flex-sms/domain';
import { AppConfig } from '../config/app-config';
import { DeliveryCallbacks, type DeliveryTracking } from '../delivery/delivery-callbacks';
import { DATABASE, Database } from '../store/database';
import { DatabaseUnavailable } from '../store/database-unavailable';
import { TwilioAccount, TwilioClient } from '../twilio/twilio-account';
import { TWILIO_CLIENT } from '../twilio/twilio.tokens';

export type CheckResult = { status: 'up' } | { status: 'down'; reason: string };

/**
 * How this deployment's numbers start outbound conversations: all through Programmable Chat + Proxy (`chat-proxy`), all
 * through Conversations + Flex Interactions (`conversations`), or some of each (`mixed`: chat-proxy by default, the
 * numbers in CONVERSATIONS_NUMBERS in conversations mode). The console shows the pages and clean-ups that apply.
 */
export type DeploymentOutboundMode = 'chat-proxy' | 'conversations' | 'mixed';

export function deploymentOutboundMode(policy: OutboundModePolicy): DeploymentOutboundMode {
  if (policy.defaultMode === 'conversations') return 'conversations';
  return policy.conversationsNumbers.length > 0 ? 'mixed' : 'chat-proxy';
}

/** The deployment's mode and where it comes from: the settings, or (OUTBOUND_MODE unset) each sender as detection found it. */
export interface OutboundModeReport {
  outboundMode: DeploymentOutboundMode;
  outboundModeSource: 'settings' | 'detected';
  /** What decided it, for an operator: the settings as set, or each mode with its numbers and what was found for them. */
  outboundModeDetail: string;
}

export function settingsOutboundMode(policy: OutboundModePolicy): OutboundModeReport {
  const listed = policy.conversationsNumbers.length > 0 ? `, CONVERSATIONS_NUMBERS=${policy.conversationsNumbers.join(',')}` : '';
  return {
    outboundMode: deploymentOutboundMode(policy),
    outboundModeSource: 'settings',
    outboundModeDetail: `OUTBOUND_MODE=${policy.defaultMode}${listed}`,
  };
}

const SOURCE_WORDS: Record<SenderMode['source'], string> = {
  'address-configuration': 'Conversations Address Configuration',
  'flex-flow': 'Flex Flow',
  CONVERSATIONS_NUMBERS: 'CONVERSATIONS_NUMBERS',
  OUTBOUND_MODE: 'OUTBOUND_MODE',
  default: 'nothing found, the default',
};

/** What detection found, grouped by mode and by what it found: "detected per number: +1…01, +1…02 chat-proxy (Flex Flow); …". */
export function detectedOutboundMode(senders: readonly SenderMode[], policy: OutboundModePolicy): OutboundModeReport {
  const modes = new Set(senders.map((sender) => sender.mode));
  const outboundMode: DeploymentOutboundMode = modes.size === 2 ? 'mixed' : (senders[0]?.mode ?? policy.defaultMode);
  const groups = new Map<string, string[]>();
  for (const sender of senders) {
    const key = `${sender.mode} (${SOURCE_WORDS[sender.source]})`;
    groups.set(key, [...(groups.get(key) ?? []), sender.number]);
  }
  const found = [...groups.entries()].map(([key, numbers]) => `${numbers.join(', ')} ${key}`).join('; ');
  return {
    outboundMode,
    outboundModeSource: 'detected',
    outboundModeDetail: `detected per number: ${found || `no number set up for Flex yet (${policy.defaultMode} by default)`}`,
  };
}

export interface Readiness {
  ready: boolean;
  /**
   * `mode` tells operators whether this instance talks to the embedded sandbox or to real Twilio; `outboundMode`,
   * which Flex products its numbers use. Both travel with the Twilio check so a NOT_READY answer still carries them.
   */
  checks: {
    database: CheckResult;
    /** `delivery`: whether Twilio calls this API back with delivery statuses (PUBLIC_BASE_URL), and why not; never makes it unready. */
    twilio: CheckResult & { mode: TwilioAccount['mode']; delivery: DeliveryTracking } & OutboundModeReport;
  };
}

/** A dependency slower than this counts as down: a load balancer's probe must get an answer. */
const CHECK_TIMEOUT_MS = 5_000;

/**
 * How long one answer serves every caller. /health/ready is public, so without it anyone could make this instance
 * call Twilio as often as they like (spending the account's API concurrency and rate limits); a few seconds is still
 * fresh for a load balancer probing every 5–30 s.
 */
export const READINESS_CACHE_MS = 5_000;

/** The clock of the readiness cache: `overrideProvider(HEALTH_CLOCK)` in tests moves time without waiting. */
export const HEALTH_CLOCK = Symbol('HEALTH_CLOCK');

/** Can this instance serve requests: its database answers, and Twilio accepts its credentials and services. */
@Injectable()
export class ReadinessChecks {
  /** The latest check, or the one in flight: concurrent probes share one round of calls. */
  private latest: { startedAt: number; readiness: Promise<Readiness> } | undefined;

  constructor(
    @Inject(DATABASE) private readonly db: Database,
    @Inject(TWILIO_CLIENT) private readonly twilio: TwilioClient,
    private readonly account: TwilioAccount,
    private readonly config: AppConfig,
    @Inject(HEALTH_CLOCK) private readonly clock: Clock,
    private readonly deliveryCallbacks: DeliveryCallbacks,
    private readonly senderModes: SenderModeDirectory,
  ) {}

  check(): Promise<Readiness> {
    const now = this.clock.now();
    if (!this.latest || now - this.latest.startedAt >= READINESS_CACHE_MS) this.latest = { startedAt: now, readiness: this.checkNow() };
    return this.latest.readiness;
  }

  private async checkNow(): Promise<Readiness> {
    const [database, twilio, outboundMode] = await Promise.all([
      probe(() => this.db.query('SELECT 1')),
      probe(() => this.fetchOutboundService()),
      this.outboundMode(),
    ]);
    return {
      ready: database.status === 'up' && twilio.status === 'up',
      checks: {
        database,
        twilio: {
          ...twilio,
          mode: this.account.mode,
          ...outboundMode,
          delivery: this.deliveryCallbacks.tracking(),
        },
      },
    };
  }

  /**
   * With OUTBOUND_MODE unset, what the sends decide by: the sender directory's detection (its lists cached a minute,
   * so a probe every few seconds re-reads them at most once a minute). If Twilio cannot be read, the settings' mode,
   * saying so: readiness already reports Twilio down.
   */
  private async outboundMode(): Promise<OutboundModeReport> {
    const policy = this.config.outboundModes;
    if (!policy.detect) return settingsOutboundMode(policy);
    try {
      return detectedOutboundMode(await withTimeout(this.senderModes.senders()), policy);
    } catch (error) {
      return { ...settingsOutboundMode(policy), outboundModeDetail: `detection per number could not read the account (${reasonOf(error)})` };
    }
  }

  /**
   * One cheap call that proves Twilio answers, accepts the credentials, and has what every outbound conversation
   * needs: the Proxy Service, or on a Conversations-only deployment (no Proxy) the Conversations address
   * configurations (one page of one).
   */
  private fetchOutboundService(): Promise<unknown> {
    const { proxyServiceSid } = this.account;
    if (proxyServiceSid) return this.twilio.proxy.v1.services(proxyServiceSid).fetch();
    return this.twilio.conversations.v1.addressConfigurations.page({ pageSize: 1 });
  }
}

async function withTimeout<T>(call: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${CHECK_TIMEOUT_MS} ms`)), CHECK_TIMEOUT_MS);
  });
  try {
    return await Promise.race([call, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

async function probe(call: () => Promise<unknown>): Promise<CheckResult> {
  try {
    await withTimeout(call());
    return { status: 'up' };
  } catch (error) {
    return { status: 'down', reason: reasonOf(error) };
  }
}

/**
 * A short, safe reason: a DatabaseUnavailable's own (written to be shown), Twilio's status and error code, never its
 * raw message or our credentials.
 */
function reasonOf(error: unknown): string {
  if (error instanceof DatabaseUnavailable) return `unavailable: ${error.message}`;
  const { status, code, message } = (error ?? {}) as { status?: unknown; code?: unknown; message?: unknown };
  if (typeof status === 'number') return `answered HTTP ${status}${typeof code === 'number' ? ` (Twilio error ${code})` : ''}`;
  if (typeof code === 'string') return `unreachable (${code})`; // ECONNREFUSED, ETIMEDOUT, …
  return typeof message === 'string' && message.startsWith('no answer') ? message : 'failed';
}
