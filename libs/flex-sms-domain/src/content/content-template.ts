import type { SettingsProblem } from '../errors';
import type { OutboundChannel } from '../outbound/outbound-channel';
import type { ContentTemplate } from '../ports/content.port';

/** `{{1}}`, `{{first_name}}`: Content API placeholders ("Variable names can't have spaces"). */
const PLACEHOLDER = /\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g;

/**
 * Twilio's limits on ContentVariables (Content API "Using variables": at most 100 variables, keys of at most 16
 * characters, values of at most 255; Conversations error 50529/50541 state 256, so 255 passes both).
 */
export const MAX_CONTENT_VARIABLES = 100;
export const MAX_CONTENT_VARIABLE_KEY_LENGTH = 16;
export const MAX_CONTENT_VARIABLE_VALUE_LENGTH = 255;
/** WhatsApp's cap on a template body once filled in; an SMS goes up to Twilio's 1600 characters. */
export const MAX_WHATSAPP_TEMPLATE_BODY_LENGTH = 1024;
export const MAX_SMS_TEMPLATE_BODY_LENGTH = 1600;

/** Only an approved template may open (or reopen) a WhatsApp conversation outside the 24-hour window. */
export const WHATSAPP_APPROVED = 'approved';

/** The template's placeholders, over every string of every content type, in order of first appearance. */
export function placeholdersOf(template: ContentTemplate): string[] {
  const names = new Set<string>();
  const visit = (value: unknown): void => {
    if (typeof value === 'string') for (const match of value.matchAll(PLACEHOLDER)) names.add(match[1]);
    else if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === 'object') Object.values(value).forEach(visit);
  };
  visit(template.types);
  return [...names];
}

/**
 * The body the channel shows: WhatsApp gets the richest type the template carries (quick replies, cards…) and SMS
 * its `twilio/text`, as Twilio picks per recipient; a type without a body falls back to the next one.
 */
export function bodyFor(template: ContentTemplate, channel: OutboundChannel): string | null {
  return (contentFor(template, channel)?.body as string | undefined) ?? null;
}

/**
 * The buttons WhatsApp shows under the body (a `twilio/quick-reply`'s or a card's action titles, placeholders as
 * written); none on SMS, where Twilio sends the text alone.
 */
export function buttonsFor(template: ContentTemplate, channel: OutboundChannel): string[] {
  if (channel !== 'whatsapp') return [];
  const actions = contentFor(template, channel)?.actions;
  return Array.isArray(actions)
    ? actions.flatMap((action) => (typeof (action as { title?: unknown })?.title === 'string' ? [(action as { title: string }).title] : []))
    : [];
}

/** The content type the channel shows: the first with a body, the richest first on WhatsApp and `twilio/text` first on SMS. */
function contentFor(template: ContentTemplate, channel: OutboundChannel): Record<string, unknown> | undefined {
  const entries = Object.entries(template.types);
  const ordered =
    channel === 'whatsapp'
      ? [...entries.filter(([type]) => type !== 'twilio/text'), ...entries.filter(([type]) => type === 'twilio/text')]
      : [...entries.filter(([type]) => type === 'twilio/text'), ...entries.filter(([type]) => type !== 'twilio/text')];
  return ordered.find(([, content]) => typeof content?.body === 'string')?.[1];
}

/** The channel's body filled in with the variables, the template's defaults for any left out. */
export function renderContent(template: ContentTemplate, channel: OutboundChannel, variables: Record<string, string> = {}): string | null {
  const body = bodyFor(template, channel);
  if (body === null) return null;
  return body.replace(PLACEHOLDER, (whole, name: string) => variables[name] ?? template.variables[name] ?? whole);
}

/**
 * Everything that would make Twilio refuse or fail the send, each named by its field: every placeholder filled, no
 * unknown variable, Twilio's length limits, and WhatsApp's approval when the channel is WhatsApp.
 */
export function contentProblems(template: ContentTemplate, variables: Record<string, unknown>, channel: OutboundChannel): SettingsProblem[] {
  const problems: SettingsProblem[] = [];
  const placeholders = placeholdersOf(template);
  const named = placeholders.length > 0 ? `its placeholders: ${placeholders.join(', ')}` : 'it has no placeholders';
  if (channel === 'whatsapp' && template.whatsapp.status !== WHATSAPP_APPROVED) {
    problems.push({
      field: 'contentSid',
      message: `template ${template.friendlyName} (${template.sid}) is ${template.whatsapp.status} for WhatsApp, not approved: WhatsApp delivers only approved templates`,
    });
  }
  if (Object.keys(variables).length > MAX_CONTENT_VARIABLES)
    problems.push({ field: 'contentVariables', message: `has more than Twilio's ${MAX_CONTENT_VARIABLES} variables` });
  for (const [key, value] of Object.entries(variables)) {
    const field = `contentVariables.${key}`;
    if (!placeholders.includes(key)) problems.push({ field, message: `is not a placeholder of template ${template.friendlyName} (${named})` });
    if (key.length > MAX_CONTENT_VARIABLE_KEY_LENGTH)
      problems.push({ field, message: `the name is longer than Twilio's ${MAX_CONTENT_VARIABLE_KEY_LENGTH} characters` });
    problems.push(...valueProblems(field, value, channel));
  }
  for (const name of placeholders) {
    if (!(name in variables))
      problems.push({ field: `contentVariables.${name}`, message: `is required: template ${template.friendlyName} has {{${name}}} (${named})` });
  }
  if (problems.length > 0) return problems;
  const rendered = renderContent(template, channel, variables as Record<string, string>);
  const maxLength = channel === 'whatsapp' ? MAX_WHATSAPP_TEMPLATE_BODY_LENGTH : MAX_SMS_TEMPLATE_BODY_LENGTH;
  if (rendered === null) problems.push({ field: 'contentSid', message: `template ${template.friendlyName} has no body to send on ${channel}` });
  else if (rendered.length > maxLength) {
    problems.push({
      field: 'contentVariables',
      message: `the filled-in body is ${rendered.length} characters, more than ${channel === 'whatsapp' ? 'WhatsApp' : 'Twilio'}'s ${maxLength}`,
    });
  }
  return problems;
}

function valueProblems(field: string, value: unknown, channel: OutboundChannel): SettingsProblem[] {
  if (typeof value !== 'string') return [{ field, message: 'must be a string' }];
  if (value.trim() === '') return [{ field, message: 'must not be blank' }];
  const problems: SettingsProblem[] = [];
  if (value.length > MAX_CONTENT_VARIABLE_VALUE_LENGTH)
    problems.push({ field, message: `must be at most ${MAX_CONTENT_VARIABLE_VALUE_LENGTH} characters (Twilio's limit), got ${value.length}` });
  // WhatsApp refuses template parameters with new lines, tabs or more than four spaces in a row (Meta's template rules).
  if (channel === 'whatsapp' && (/[\n\t]/.test(value) || / {5,}/.test(value))) {
    problems.push({ field, message: 'must not contain new lines, tabs or more than 4 spaces in a row on WhatsApp' });
  }
  return problems;
}
