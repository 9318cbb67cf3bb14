import { TwilioError, internalError, tooManyRequests } from '../http/twilio-error';
import type { FaultConfig, FaultSettings } from './fault-config';
import { matchesPattern } from './request-pattern';

export type FaultOutcome = { kind: 'none' } | { kind: 'drop' } | { kind: 'error'; error: TwilioError };

const DEFAULT_RETRY_AFTER_SECONDS = 1;

/** Decides, per request, which configured fault applies. State changes (fail-next counters) are synchronous. */
export class FaultInjector {
  private config: FaultConfig = {};

  constructor(private readonly random: () => number = Math.random) {}

  set(config: FaultConfig): void {
    this.config = structuredClone(config);
  }

  get(): FaultConfig {
    return structuredClone(this.config);
  }

  clear(): void {
    this.config = {};
  }

  get concurrencyLimit(): number | undefined {
    return this.config.concurrencyLimit;
  }

  /** Settings for this request: the first matching endpoint's settings over the global ones. */
  settingsFor(method: string, path: string): FaultSettings {
    const endpoint = (this.config.endpoints ?? []).find((candidate) => matchesPattern(candidate, method, path));
    return { ...this.config, ...endpoint };
  }

  latencyFor(method: string, path: string): number {
    return this.settingsFor(method, path).latencyMs ?? 0;
  }

  /** The outcome for this request, consuming a fail-next rule if one matches. */
  decide(method: string, path: string): FaultOutcome {
    const rule = (this.config.failNext ?? []).find((candidate) => candidate.count > 0 && matchesPattern(candidate, method, path));
    if (rule) {
      rule.count -= 1;
      this.config.failNext = (this.config.failNext ?? []).filter((candidate) => candidate.count > 0);
      const headers: Record<string, string> =
        rule.status === 429 ? { 'Retry-After': String(rule.retryAfterSeconds ?? DEFAULT_RETRY_AFTER_SECONDS) } : {};
      return { kind: 'error', error: new TwilioError(rule.status, rule.code, rule.message ?? `Injected failure ${rule.code}`, headers) };
    }
    const settings = this.settingsFor(method, path);
    if (this.roll(settings.dropRate)) return { kind: 'drop' };
    if (this.roll(settings.rateLimitRate))
      return { kind: 'error', error: tooManyRequests(settings.retryAfterSeconds ?? DEFAULT_RETRY_AFTER_SECONDS) };
    if (this.roll(settings.errorRate)) {
      const status = settings.errorStatus ?? 503;
      // 20503 is Twilio's "Service Unavailable"; other 5xx use the generic 20500.
      return { kind: 'error', error: internalError(status, status === 503 ? 20503 : 20500) };
    }
    return { kind: 'none' };
  }

  private roll(share: number | undefined): boolean {
    return share !== undefined && share > 0 && this.random() < share;
  }
}
