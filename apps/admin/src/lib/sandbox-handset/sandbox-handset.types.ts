// /api/v1/sandbox/handset (apps/api/src/sandbox-handset/sandbox-handset.dto.ts).
export interface HandsetSummary {
  number: string;
  messages: number;
  received: number;
  sent: number;
  /** The account's numbers this handset opted out of (it texted STOP to them). */
  optedOutOf: string[];
}

export interface HandsetList {
  /** The sandbox account's numbers: the ones a customer can text. */
  accountNumbers: string[];
  handsets: HandsetSummary[];
}

export interface HandsetMessage {
  sid: string;
  /** As the phone sees it: `received` came from the account, `sent` went to it. */
  direction: 'received' | 'sent';
  from: string;
  to: string;
  body: string;
  /** Twilio's status of the SMS: `queued`, `sent`, `delivered`, `undelivered`, `failed`; `received` for the handset's own. */
  status: string;
  /** Twilio's error code of a failed or undelivered SMS (21610: the handset opted out; 30003…30007: the carrier). */
  errorCode: number | null;
  dateCreated: string | null;
}

export interface HandsetThread {
  number: string;
  messages: HandsetMessage[];
}

export interface HandsetReplyOutcome {
  messageSid: string;
  route: 'proxy-session' | 'conversation' | 'address-configuration' | 'flex-flow' | 'unrouted';
  sessionSid?: string;
  channelSid?: string;
  chatMessageSid?: string;
}
