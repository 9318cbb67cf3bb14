import type { OutboundChannel } from '../outbound/outbound-channel';
import type { ErrorRecord } from '../ports/journal.port';
import type { MessageEncoding } from './message-segments';
import type { QuietHours } from './quiet-hours';

/**
 * A campaign sends one body, or one Content template, to a list of recipients, fire-and-forget (each recipient is one SendSystemSms request
 * of the journal), paced per sender number across every API instance.
 */
export const CAMPAIGN_STATUSES = [
  /** Recipients are being read and checked; nothing is sent yet. */
  'preparing',
  /** A dry run: the report only, never sent. */
  'dry_run',
  /** Waiting for its start time. */
  'scheduled',
  'running',
  'paused',
  /** Stopped by the campaign itself for an operator to review (carrier filtering past the threshold). */
  'stopped',
  'cancelled',
  'completed',
] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];

export const RECIPIENT_STATES = [
  /** Waiting its turn (or the end of its quiet hours, `notBefore`). */
  'pending',
  /** Claimed by an API instance, which is sending it. */
  'sending',
  'sent',
  'failed',
  /** Left out before sending: the pre-flight found it invalid, a duplicate, opted out or in a live conversation. */
  'invalid',
  'duplicate',
  'opted_out',
  'in_conversation',
  /** Still pending when the campaign was cancelled. */
  'cancelled',
] as const;
export type RecipientState = (typeof RECIPIENT_STATES)[number];

/** What to do with a recipient whose customer is in a live conversation (an agent's task holds it). */
export type InConversationPolicy = 'skip' | 'send';

export interface CampaignSettings {
  name: string;
  /** The message; `{{name}}` and `{{<variable>}}` are filled in per recipient. Null when it sends a template. */
  body: string | null;
  channel: OutboundChannel;
  /** A Content template (HX…) sent instead of a body; each recipient's variables are its ContentVariables. */
  contentSid: string | null;
  /** Sender numbers (E.164); each needs an enabled `sms` Studio Flex Flow, as a single fire-and-forget send. */
  senders: string[];
  /** Messages per second, per sender. */
  pacingPerSecond: number;
  quietHours: QuietHours;
  startAt: Date | null;
  inConversation: InConversationPolicy;
  /** Carrier-filtered messages (Twilio 30007) from one sender at which the campaign stops for review. */
  filteredStopThreshold: number;
}

export interface PreflightRow {
  row: number;
  input: string;
  reason: string;
}

/** The pre-flight report: what will be sent, what will not and why, and how long it should take. */
export interface CampaignReport {
  rows: number;
  toSend: number;
  invalid: { count: number; rows: PreflightRow[] };
  duplicates: { count: number; rows: PreflightRow[] };
  optedOut: { count: number; rows: PreflightRow[] };
  inConversation: { count: number; rows: PreflightRow[] };
  segments: { encoding: MessageEncoding; perMessageMin: number; perMessageMax: number; total: number; ucs2Messages: number };
  /** Recipients per sender number. */
  perSender: Record<string, number>;
  /** The first recipients to send, with their message as it will read (the body or template filled in). */
  preview: PreviewMessage[];
  /** At the pacing, quiet hours aside. */
  estimatedDurationSeconds: number;
}

export interface PreviewMessage {
  row: number;
  toNumber: string;
  toName: string;
  fromNumber: string;
  text: string;
}

/** Recipients whose message the report shows filled in. */
export const REPORT_PREVIEW_ROWS = 5;

/** Rows of each kind the report lists; the rest are counted (GET …/recipients?state= lists them all). */
export const REPORT_ROWS_LISTED = 100;

export interface Campaign extends CampaignSettings {
  id: string;
  status: CampaignStatus;
  createdBy: string;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
  report: CampaignReport | null;
  /** Why the campaign stopped (`stopped`) or failed to prepare. */
  stopReason: string | null;
  /** 0 = full pacing; each level halves it after Twilio answered 429/5xx. */
  backoffLevel: number;
  backoffUntil: Date | null;
}

export interface CampaignRecipient {
  campaignId: string;
  /** Order in the list (0-based). */
  position: number;
  /** Row of the CSV (1 = the first data row) or index + 1 in a JSON list. */
  row: number;
  /** E.164 once valid; as given otherwise. */
  toNumber: string;
  toName: string;
  /** The body's `{{variables}}`; for a template campaign, its ContentVariables (the template's placeholders only). */
  variables: Record<string, string>;
  fromNumber: string | null;
  state: RecipientState;
  reason: string | null;
  notBefore: Date | null;
  /** The journal's outbound request, once sent. */
  requestId: string | null;
  error: ErrorRecord | null;
  /** Delivery status, when Twilio's status callbacks reported one. */
  deliveryStatus: string | null;
  deliveryErrorCode: number | null;
  settledAt: Date | null;
}

/** The idempotency key of a recipient's send: the same recipient is the same request, however often it is tried. */
export function campaignIdempotencyKey(campaignId: string, position: number): string {
  return `campaign:${campaignId}:${position}`;
}

/** Fills `{{name}}` and `{{variable}}`; returns the names it had no value for. */
export function renderBody(body: string, name: string, variables: Readonly<Record<string, string>>): { text: string; missing: string[] } {
  const missing: string[] = [];
  const text = body.replace(/\{\{\s*([A-Za-z0-9_.-]+)\s*\}\}/g, (_, key: string) => {
    if (key === 'name') return name;
    if (Object.prototype.hasOwnProperty.call(variables, key)) return variables[key];
    missing.push(key);
    return '';
  });
  return { text, missing };
}

/**
 * Messages per second a sender sends by default, by its kind (Twilio's "Understanding Twilio Rate Limits and
 * Message Queues"): a US/Canada long code about 1 segment a second, a toll-free number 3; anything else 1.
 */
export function defaultPacingOf(sender: string): number {
  return /^\+18(00|33|44|55|66|77|88)\d{7}$/.test(sender) ? 3 : 1;
}
