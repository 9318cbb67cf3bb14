import type { InConversationPolicy } from '../../campaigns/campaign';
import type { QuietHours } from '../../campaigns/quiet-hours';

/** One row of the list, as the caller wrote it (nothing checked yet). */
export interface CampaignRecipientInput {
  /** 1-based: the CSV's data row, or the index in a JSON list + 1. */
  row: number;
  number: string;
  name?: string;
  /** The body's `{{variables}}`, or the template's ContentVariables. */
  variables?: Record<string, string>;
}

export interface CreateCampaignCommand {
  name: string;
  /** The text; or leave it out and send `contentSid` (a Content template). */
  body?: string;
  /** `sms` (default) or `whatsapp`; a WhatsApp campaign needs a template. */
  channel?: string;
  contentSid?: string;
  senders: string[];
  /** Messages per second per sender; unset = by the sender's kind (defaultPacingOf). */
  pacingPerSecond?: number;
  quietHours?: Partial<QuietHours>;
  startAt?: Date;
  inConversation?: InConversationPolicy;
  filteredStopThreshold?: number;
  /** Report only: the campaign is kept as `dry_run` and never sent. */
  dryRun?: boolean;
  /** Read once, in order; may be a stream of a 100,000-row file (read in batches, never held whole). */
  recipients: AsyncIterable<CampaignRecipientInput> | Iterable<CampaignRecipientInput>;
  caller: string;
}
