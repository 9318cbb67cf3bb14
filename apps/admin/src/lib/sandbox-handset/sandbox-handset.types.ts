// /api/v1/sandbox/handset (apps/api/src/sandbox-handset/sandbox-handset.dto.ts).
export interface HandsetSummary {
  number: string;
  messages: number;
  received: number;
  sent: number;
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
