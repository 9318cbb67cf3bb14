import { createHash } from 'node:crypto';

/** Two-letter SID prefixes used by the resources the sandbox serves (Twilio's own prefixes). */
export type SidPrefix =
  | 'AC'
  | 'FO'
  | 'CH'
  | 'IS'
  | 'US'
  | 'MB'
  | 'IM'
  | 'RL'
  | 'KS'
  | 'PN'
  | 'KC'
  | 'KP'
  | 'KI'
  | 'WS'
  | 'WW'
  | 'WQ'
  | 'WA'
  | 'TC'
  | 'WT'
  | 'FW'
  | 'FN'
  | 'SM'
  // Conversations (address configurations, scoped webhooks) and Flex Interactions (interaction, channel, invite, participant).
  | 'IG'
  | 'WH'
  | 'KD'
  | 'UO'
  | 'KG'
  | 'UT'
  // Conversations delivery receipts.
  | 'DY'
  // Content API templates.
  | 'HX';

/**
 * Deterministic SID factory: prefix + 32 lowercase hex derived from a seed and a counter, so the seeded demo
 * account carries the same SIDs on every start (tests and docs can rely on them) while every new resource still
 * gets a distinct SID.
 */
export class SidFactory {
  /** `issued`: SIDs handed out before (a restored state goes on counting where it stopped). */
  constructor(
    readonly seed: string,
    private counter = 0,
  ) {}

  get issued(): number {
    return this.counter;
  }

  next(prefix: SidPrefix): string {
    this.counter += 1;
    return prefix + createHash('sha256').update(`${this.seed}:${prefix}:${this.counter}`).digest('hex').slice(0, 32);
  }
}

export const SID_PATTERN = /^[A-Z]{2}[0-9a-f]{32}$/;

export function isSid(value: string, prefix?: SidPrefix): boolean {
  return SID_PATTERN.test(value) && (prefix === undefined || value.startsWith(prefix));
}
