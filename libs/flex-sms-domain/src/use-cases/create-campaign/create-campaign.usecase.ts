import {
  type Campaign,
  type CampaignReport,
  type CampaignSettings,
  type PreflightRow,
  type PreviewMessage,
  REPORT_PREVIEW_ROWS,
  REPORT_ROWS_LISTED,
  defaultPacingOf,
  renderBody,
} from '../../campaigns/campaign';
import { messageSegments } from '../../campaigns/message-segments';
import type { ContentTemplateCatalog } from '../../content/content-template-catalog';
import { contentProblems, placeholdersOf, renderContent } from '../../content/content-template';
import { assertChannelFitsMode, findContentTemplate, parseChannel, parseContentRequest } from '../../outbound/outbound-message';
import type { OutboundMode } from '../../outbound/outbound-mode';
import type { ContentTemplate } from '../../ports/content.port';
import { DEFAULT_QUIET_HOURS, isTimeOfDay } from '../../campaigns/quiet-hours';
import { CampaignNotFound, InvalidContent, InvalidInput, InvalidPhoneNumber } from '../../errors';
import type { CampaignStore, NewCampaignRecipient } from '../../ports/campaign-store.port';
import type { Clock } from '../../ports/clock.port';
import type { ConsentRegisterPort } from '../../ports/consent-register.port';
import type { LiveConversationPort } from '../../ports/live-conversation.port';
import { PhoneNumber } from '../../value-objects/phone-number.value-object';
import { MAX_NAME_LENGTH, MAX_SMS_BODY_LENGTH, optionalText, requireText } from '../outbound-command.validation';
import type { CampaignRecipientInput, CreateCampaignCommand } from './create-campaign.command';

export interface CreateCampaignDependencies {
  store: CampaignStore;
  consent: ConsentRegisterPort;
  liveConversations: LiveConversationPort;
  clock: Clock;
  /** The account's Content templates (the outbound flows' catalog); absent: template campaigns are refused. */
  contentTemplates?: ContentTemplateCatalog;
  /** Each sender's mode (the outbound flows'): a WhatsApp campaign needs Conversations senders. Absent: checked per send. */
  outboundMode?: (fromNumber: PhoneNumber) => Promise<OutboundMode>;
}

/** Rows read, checked and written per batch: what sits in memory at once while a large list streams in. */
export const RECIPIENT_BATCH_SIZE = 500;
export const MAX_PACING_PER_SECOND = 100;
export const DEFAULT_FILTERED_STOP_THRESHOLD = 10;
const MAX_SENDERS = 50;

/**
 * Creates a campaign: checks its settings (a template is checked as a single send checks it, its approval up front),
 * reads the list in batches (invalid numbers, duplicates, opted-out
 * customers, customers in a live conversation are set aside with their row and reason), assigns each recipient a
 * sender (the one it had in an earlier campaign, if this one has it), and writes the pre-flight report. The
 * campaign then runs, waits for its start time, or, for a dry run, stays a report.
 */
export class CreateCampaign {
  constructor(private readonly deps: CreateCampaignDependencies) {}

  async execute(command: CreateCampaignCommand): Promise<Campaign> {
    const settings = this.settingsOf(command);
    await this.checkSenderModes(settings);
    const template = await this.templateOf(settings);
    const batches = batchesOf(command.recipients, RECIPIENT_BATCH_SIZE);
    const first = await batches.next();
    if (first.done || first.value.length === 0) throw new InvalidInput('recipients', 'has no rows');

    const now = new Date(this.deps.clock.now());
    const id = await this.deps.store.create({ settings, createdBy: command.caller, createdAt: now });
    try {
      const report = new ReportBuilder(settings);
      let position = 0;
      for (let batch: CampaignRecipientInput[] | undefined = first.value; batch;) {
        const recipients = await this.prepareBatch(id, settings, template, batch, position, report);
        await this.deps.store.addRecipients(id, recipients);
        position += recipients.length;
        const next = await batches.next();
        batch = next.done ? undefined : next.value;
      }
      const status = command.dryRun ? 'dry_run' : settings.startAt && settings.startAt.getTime() > now.getTime() ? 'scheduled' : 'running';
      await this.deps.store.finishPreparing(id, report.build(), status);
    } catch (error) {
      await this.deps.store.remove(id);
      throw error;
    }
    const campaign = await this.deps.store.get(id);
    if (!campaign) throw new CampaignNotFound(id);
    return campaign;
  }

  private settingsOf(command: CreateCampaignCommand): CampaignSettings {
    const name = requireText('name', command.name, MAX_NAME_LENGTH);
    const channel = parseChannel(command.channel);
    const text = optionalText('body', command.body, MAX_SMS_BODY_LENGTH);
    const content = parseContentRequest({ contentSid: command.contentSid }, 'body', text);
    // Every campaign message is business-initiated: most customers are outside their 24-hour window (Twilio 63016).
    if (!content && channel === 'whatsapp')
      throw new InvalidInput(
        'contentSid',
        'is required on WhatsApp: outside the customer’s 24-hour service window WhatsApp delivers only an approved template, and a campaign writes first',
      );
    const body = content ? null : requireText('body', text, MAX_SMS_BODY_LENGTH);
    if (!Array.isArray(command.senders) || command.senders.length === 0) throw new InvalidInput('senders', 'needs at least one sender number');
    if (command.senders.length > MAX_SENDERS) throw new InvalidInput('senders', `must list at most ${MAX_SENDERS} numbers`);
    const senders = [...new Set(command.senders.map((sender, index) => PhoneNumber.parse(sender, { field: `senders[${index}]` }).e164))];
    const pacing = command.pacingPerSecond ?? Math.min(...senders.map(defaultPacingOf));
    if (!(pacing > 0 && pacing <= MAX_PACING_PER_SECOND))
      throw new InvalidInput('pacingPerSecond', `must be more than 0 and at most ${MAX_PACING_PER_SECOND}`);
    const quietHours = { ...DEFAULT_QUIET_HOURS, ...command.quietHours };
    for (const field of ['sendFrom', 'sendUntil'] as const) {
      if (!isTimeOfDay(quietHours[field])) throw new InvalidInput(`quietHours.${field}`, 'must be a time of day, HH:MM (24-hour)');
    }
    const threshold = command.filteredStopThreshold ?? DEFAULT_FILTERED_STOP_THRESHOLD;
    if (!Number.isInteger(threshold) || threshold < 1) throw new InvalidInput('filteredStopThreshold', 'must be a whole number of at least 1');
    const startAt = command.startAt ?? null;
    if (startAt && Number.isNaN(startAt.getTime())) throw new InvalidInput('startAt', 'must be a date-time');
    return {
      name,
      body,
      channel,
      contentSid: content?.contentSid ?? null,
      senders,
      pacingPerSecond: pacing,
      quietHours,
      startAt,
      inConversation: command.inConversation ?? 'skip',
      filteredStopThreshold: threshold,
    };
  }

  /** Every recipient of a sender that cannot carry the channel would fail: the campaign is refused instead. */
  private async checkSenderModes(settings: CampaignSettings): Promise<void> {
    const { outboundMode } = this.deps;
    if (settings.channel === 'sms' || !outboundMode) return;
    for (const sender of settings.senders) {
      const number = PhoneNumber.parse(sender);
      assertChannelFitsMode(settings.channel, number, await outboundMode(number));
    }
  }

  /** The template, refused before any row is read when no recipient could get it (not approved for WhatsApp, no body). */
  private async templateOf(settings: CampaignSettings): Promise<ContentTemplate | null> {
    if (!settings.contentSid) return null;
    const template = await findContentTemplate(this.deps.contentTemplates, settings.contentSid, settings.channel);
    const refused = contentProblems(template, {}, settings.channel).filter((problem) => problem.field === 'contentSid');
    if (refused.length) throw new InvalidContent(refused);
    return template;
  }

  private async prepareBatch(
    campaignId: string,
    settings: CampaignSettings,
    template: ContentTemplate | null,
    batch: readonly CampaignRecipientInput[],
    firstPosition: number,
    report: ReportBuilder,
  ): Promise<NewCampaignRecipient[]> {
    const parsed = batch.map((input) => ({ input, number: parseNumber(input.number) }));
    const numbers = [...new Set(parsed.flatMap(({ number }) => (typeof number === 'string' ? [number] : [])))];
    const [listed, previous, live] = await Promise.all([
      this.deps.store.numbersAlreadyListed(campaignId, numbers),
      this.deps.store.previousSenders(numbers),
      this.deps.liveConversations.liveConversations(settings.senders, numbers),
    ]);
    const firstRowOf = new Map(listed);
    const recipients: NewCampaignRecipient[] = [];
    for (const [offset, { input, number }] of parsed.entries()) {
      const toName = (input.name ?? '').trim().slice(0, MAX_NAME_LENGTH);
      const variables = template ? templateVariables(template, toName, input.variables ?? {}) : (input.variables ?? {});
      const base = { position: firstPosition + offset, row: input.row, toName, variables };
      const setAside = (state: NewCampaignRecipient['state'], toNumber: string, reason: string, fromNumber: string | null = null) => {
        report.setAside(state, { row: input.row, input: input.number, reason });
        recipients.push({ ...base, toNumber, fromNumber, state, reason });
      };
      if (typeof number !== 'string') {
        setAside('invalid', String(input.number ?? ''), number.reason);
        continue;
      }
      const firstRow = firstRowOf.get(number);
      if (firstRow !== undefined) {
        setAside('duplicate', number, `same number as row ${firstRow}`);
        continue;
      }
      firstRowOf.set(number, input.row);
      const rendered = template ? renderTemplate(template, settings, variables) : renderText(settings.body ?? '', toName, variables);
      if (typeof rendered !== 'string') {
        setAside('invalid', number, rendered.reason);
        continue;
      }
      const conversation = live.get(number);
      const fromNumber = conversation?.fromNumber ?? report.assignSender(previous.get(number));
      const optOut = await this.deps.consent.optOutOf(number, fromNumber);
      if (optOut) {
        setAside('opted_out', number, `opted out of ${optOut.scope} (${optOut.source}, ${optOut.since.toISOString()})`, fromNumber);
        continue;
      }
      if (conversation && settings.inConversation === 'skip') {
        setAside('in_conversation', number, `in a live conversation with ${conversation.fromNumber} (task ${conversation.taskSid})`, fromNumber);
        continue;
      }
      report.toSend({ row: input.row, toNumber: number, toName, fromNumber, text: rendered });
      recipients.push({ ...base, toNumber: number, fromNumber, state: 'pending', reason: null });
    }
    return recipients;
  }
}

/** The body filled in for one recipient, or why it cannot be. */
function renderText(body: string, toName: string, variables: Record<string, string>): string | { reason: string } {
  const rendered = renderBody(body, toName, variables);
  if (rendered.missing.length) return { reason: `no value for ${rendered.missing.map((key) => `{{${key}}}`).join(', ')}` };
  if (rendered.text.trim() === '' || rendered.text.length > MAX_SMS_BODY_LENGTH)
    return { reason: `the message is ${rendered.text.trim() === '' ? 'empty' : `longer than ${MAX_SMS_BODY_LENGTH} characters`}` };
  return rendered.text;
}

/** The template filled in for one recipient, or what a single send would be refused for (each problem by its field). */
function renderTemplate(template: ContentTemplate, settings: CampaignSettings, variables: Record<string, string>): string | { reason: string } {
  const problems = contentProblems(template, variables, settings.channel);
  if (problems.length) return { reason: problems.map((problem) => `${problem.field}: ${problem.message}`).join('; ') };
  return renderContent(template, settings.channel, variables) ?? '';
}

/**
 * A recipient's ContentVariables: its values for the template's placeholders (other columns of a CSV are not the
 * template's), `name` from the recipient's name when the template has `{{name}}` and no value was given.
 */
function templateVariables(template: ContentTemplate, toName: string, given: Record<string, string>): Record<string, string> {
  const values: Record<string, string> = {};
  for (const placeholder of placeholdersOf(template)) {
    if (Object.prototype.hasOwnProperty.call(given, placeholder)) values[placeholder] = given[placeholder];
    else if (placeholder === 'name' && toName) values[placeholder] = toName;
  }
  return values;
}

function parseNumber(input: unknown): string | { reason: string } {
  if (typeof input !== 'string' || input.trim() === '') return { reason: 'no number' };
  try {
    return PhoneNumber.parse(input).e164;
  } catch (error) {
    if (error instanceof InvalidPhoneNumber) return { reason: 'not a phone number (E.164, e.g. +15551234567)' };
    throw error;
  }
}

async function* batchesOf<T>(items: AsyncIterable<T> | Iterable<T>, size: number): AsyncGenerator<T[]> {
  let batch: T[] = [];
  for await (const item of items) {
    batch.push(item);
    if (batch.length === size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length) yield batch;
}

class ReportBuilder {
  private rows = 0;
  private readonly setAsideRows = {
    invalid: [] as PreflightRow[],
    duplicate: [] as PreflightRow[],
    opted_out: [] as PreflightRow[],
    in_conversation: [] as PreflightRow[],
  };
  private readonly setAsideCounts = { invalid: 0, duplicate: 0, opted_out: 0, in_conversation: 0 };
  private readonly perSender: Record<string, number>;
  private segmentsMin = Infinity;
  private segmentsMax = 0;
  private segmentsTotal = 0;
  private ucs2 = 0;
  private sending = 0;
  private readonly preview: PreviewMessage[] = [];

  constructor(private readonly settings: CampaignSettings) {
    this.perSender = Object.fromEntries(settings.senders.map((sender) => [sender, 0]));
  }

  setAside(state: NewCampaignRecipient['state'], row: PreflightRow): void {
    this.rows++;
    const kind = state as keyof ReportBuilder['setAsideCounts'];
    this.setAsideCounts[kind]++;
    if (this.setAsideRows[kind].length < REPORT_ROWS_LISTED) this.setAsideRows[kind].push(row);
  }

  /** The sender a recipient had before, when this campaign has it; otherwise the one with the fewest so far. */
  assignSender(previous: string | undefined): string {
    if (previous !== undefined && previous in this.perSender) return previous;
    return this.settings.senders.reduce((least, sender) => (this.perSender[sender] < this.perSender[least] ? sender : least));
  }

  toSend(message: PreviewMessage): void {
    const { fromNumber, text } = message;
    if (this.preview.length < REPORT_PREVIEW_ROWS) this.preview.push(message);
    this.rows++;
    this.sending++;
    this.perSender[fromNumber] = (this.perSender[fromNumber] ?? 0) + 1;
    const { encoding, segments } = messageSegments(text);
    if (encoding === 'UCS-2') this.ucs2++;
    this.segmentsMin = Math.min(this.segmentsMin, segments);
    this.segmentsMax = Math.max(this.segmentsMax, segments);
    this.segmentsTotal += segments;
  }

  build(): CampaignReport {
    const busiest = Math.max(0, ...Object.values(this.perSender));
    return {
      rows: this.rows,
      toSend: this.sending,
      invalid: { count: this.setAsideCounts.invalid, rows: this.setAsideRows.invalid },
      duplicates: { count: this.setAsideCounts.duplicate, rows: this.setAsideRows.duplicate },
      optedOut: { count: this.setAsideCounts.opted_out, rows: this.setAsideRows.opted_out },
      inConversation: { count: this.setAsideCounts.in_conversation, rows: this.setAsideRows.in_conversation },
      segments: {
        encoding: this.ucs2 > 0 ? 'UCS-2' : 'GSM-7',
        perMessageMin: this.sending ? this.segmentsMin : 0,
        perMessageMax: this.segmentsMax,
        total: this.segmentsTotal,
        ucs2Messages: this.ucs2,
      },
      perSender: this.perSender,
      preview: this.preview,
      estimatedDurationSeconds: Math.ceil(busiest / this.settings.pacingPerSecond),
    };
  }
}
