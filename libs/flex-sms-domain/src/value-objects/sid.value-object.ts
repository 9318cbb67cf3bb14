import { InvalidInput } from '../errors';

/** The two-letter prefixes of the Twilio resources this product touches. */
export const SID_PREFIXES = {
  account: 'AC',
  flexFlow: 'FO',
  chatService: 'IS',
  chatChannel: 'CH',
  chatMessage: 'IM',
  chatUser: 'US',
  proxyService: 'KS',
  proxySession: 'KC',
  proxyParticipant: 'KP',
  workspace: 'WS',
  workflow: 'WW',
  taskChannel: 'TC',
  studioFlow: 'FW',
  phoneNumber: 'PN',
  task: 'WT',
  worker: 'WK',
  messagingService: 'MG',
  content: 'HX',
} as const;

export type SidPrefix = (typeof SID_PREFIXES)[keyof typeof SID_PREFIXES];

const SID_BODY = /^[0-9a-fA-F]{32}$/;

/** A Twilio SID: two-letter prefix naming the resource type, then 32 hex digits. */
export class Sid {
  private constructor(readonly value: string) {}

  static isSid(value: unknown, prefix: SidPrefix): value is string {
    return typeof value === 'string' && value.length === 34 && value.startsWith(prefix) && SID_BODY.test(value.slice(2));
  }

  /** Checks `value` is a SID of the expected type; `field` names it in the error. */
  static parse(value: string, prefix: SidPrefix, field: string): Sid {
    if (!Sid.isSid(value, prefix)) {
      throw new InvalidInput(field, `expected a SID starting with ${prefix} followed by 32 hex digits`, { value });
    }
    return new Sid(value);
  }

  get prefix(): SidPrefix {
    return this.value.slice(0, 2) as SidPrefix;
  }

  toString(): string {
    return this.value;
  }

  toJSON(): string {
    return this.value;
  }
}
