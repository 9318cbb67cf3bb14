import { ChannelNotSupported, InvalidContent, InvalidInput, WhatsAppTemplateRequired } from '../errors';
import { contentProblems, renderContent, WHATSAPP_APPROVED } from '../content/content-template';
import type { ContentTemplateCatalog } from '../content/content-template-catalog';
import type { ContentTemplate } from '../ports/content.port';
import type { OutboundConversationPlan } from '../steps/outbound-conversation.plan';
import { customerWindowOf } from './customer-window';
import { OUTBOUND_CHANNELS, type OutboundChannel } from './outbound-channel';
import type { OutboundSmsDependencies } from './outbound-dependencies';
import type { OutboundMode } from './outbound-mode';
import type { PhoneNumber } from '../value-objects/phone-number.value-object';

/** Twilio's error for free text (or an unapproved template) to a WhatsApp customer outside the window. */
export const TWILIO_OUTSIDE_WINDOW = 63016;

/** The channel and template fields both outbound commands share. */
export interface OutboundMessageFields {
  /** `sms` (default) or `whatsapp`. */
  channel?: string;
  /** A Content template (HX…) sent instead of the text. */
  contentSid?: string;
  /** The template's placeholders, by name. */
  contentVariables?: Record<string, unknown>;
}

/** A template send as asked, checked against the account's template when the send runs. */
export interface OutboundContentRequest {
  contentSid: string;
  variables: Record<string, string>;
  /** Filled in once checked: the body the customer's channel shows (journaled and answered as the message body). */
  body?: string;
}

export function parseChannel(value: unknown): OutboundChannel {
  if (value === undefined || value === null) return 'sms';
  if (!(OUTBOUND_CHANNELS as readonly unknown[]).includes(value)) throw new InvalidInput('channel', `must be one of ${OUTBOUND_CHANNELS.join(', ')}`);
  return value as OutboundChannel;
}

/** The template part of a command; the text field and `contentSid` exclude each other. */
export function parseContentRequest(command: OutboundMessageFields, textField: string, text: string | undefined): OutboundContentRequest | undefined {
  if (command.contentSid === undefined || command.contentSid === null) {
    if (command.contentVariables !== undefined) throw new InvalidInput('contentVariables', 'needs contentSid');
    return undefined;
  }
  if (text !== undefined) throw new InvalidInput(textField, 'must be left out when contentSid is given (the template is the message)');
  if (typeof command.contentSid !== 'string' || !/^HX[0-9a-fA-F]{32}$/.test(command.contentSid))
    throw new InvalidInput('contentSid', 'must be a Content template SID (HX followed by 32 hex digits)');
  const variables = command.contentVariables ?? {};
  if (typeof variables !== 'object' || Array.isArray(variables))
    throw new InvalidInput('contentVariables', 'must be a JSON object of placeholder names to values');
  return { contentSid: command.contentSid, variables: variables as Record<string, string> };
}

/** WhatsApp goes through Flex Conversations only: Proxy relays SMS, so a Chat + Proxy number cannot send it. */
export function assertChannelFitsMode(channel: OutboundChannel, fromNumber: PhoneNumber, mode: OutboundMode): void {
  if (channel === 'whatsapp' && mode !== 'conversations') {
    throw new ChannelNotSupported(
      'whatsapp',
      fromNumber.e164,
      'the number is in Chat + Proxy mode (a Flex Flow on Programmable Chat), and Proxy relays SMS only. Send WhatsApp from a number set up for Flex Conversations (a whatsapp Address Configuration).',
    );
  }
}

/**
 * Whatever about the message can be known before anything is created in Twilio: the channel fits the number's mode,
 * the template exists, fits the channel and is filled in, and free text to WhatsApp is inside the customer's window.
 * Answers the plan with the template's body filled in.
 */
export async function checkOutboundMessage(
  deps: OutboundSmsDependencies,
  plan: OutboundConversationPlan,
  mode: OutboundMode,
): Promise<OutboundConversationPlan> {
  assertChannelFitsMode(plan.channel, plan.fromNumber, mode);
  if (plan.content) {
    const content = await checkContent(deps, plan.content, plan.channel);
    return { ...plan, content, record: { ...plan.record, body: content.body ?? null } };
  }
  if (plan.channel === 'whatsapp' && plan.message) await checkWhatsAppWindow(deps, plan);
  return plan;
}

async function checkContent(
  deps: OutboundSmsDependencies,
  request: OutboundContentRequest,
  channel: OutboundChannel,
): Promise<OutboundContentRequest> {
  const template = await findContentTemplate(deps.contentTemplates, request.contentSid, channel);
  const problems = contentProblems(template, request.variables, channel);
  if (problems.length > 0) throw new InvalidContent(problems);
  return { ...request, body: renderContent(template, channel, request.variables) ?? undefined };
}

/** The account's template `contentSid`, or InvalidContent naming the field; WhatsApp's approval is read fresh before it counts against the template. */
export async function findContentTemplate(
  catalog: ContentTemplateCatalog | undefined,
  contentSid: string,
  channel: OutboundChannel,
): Promise<ContentTemplate> {
  if (!catalog) throw new InvalidContent([{ field: 'contentSid', message: 'this deployment has no Content API access' }]);
  let template = await catalog.find(contentSid);
  if (!template)
    throw new InvalidContent([
      { field: 'contentSid', message: `${contentSid} is not a Content template of the account (GET /api/v1/content-templates lists them)` },
    ]);
  // An approval may have come since the list was cached: read it again before refusing for it.
  if (channel === 'whatsapp' && template.whatsapp.status !== WHATSAPP_APPROVED) {
    template = (await catalog.list({ refresh: true })).find((candidate) => candidate.sid === contentSid) ?? template;
  }
  return template;
}

async function checkWhatsAppWindow(deps: OutboundSmsDependencies, plan: OutboundConversationPlan): Promise<void> {
  const window = await customerWindowOf(deps.customerWindows, deps.clock, plan.fromNumber, plan.toNumber);
  if (!window.open) throw new WhatsAppTemplateRequired(window.customer, window.sender, window.lastInboundAt);
}
