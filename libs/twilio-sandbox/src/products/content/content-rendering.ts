import { isJsonObject } from '../../core/twilio-encodings';
import type { MessageChannel } from '../../messaging/channel-address';
import type { ContentTemplate } from './content.store';

/**
 * Content types from the least to the most complex (docs "Content Types Overview", "Channel support and priority
 * order": "When message handles multiple content types, Twilio sends the most complex translation that the chosen
 * channel supports"). SMS carries `twilio/text` (and `twilio/media` as MMS); WhatsApp carries all of these.
 */
const BY_COMPLEXITY = [
  'twilio/text',
  'twilio/media',
  'twilio/location',
  'twilio/quick-reply',
  'twilio/call-to-action',
  'twilio/list-picker',
  'twilio/card',
  'whatsapp/card',
  'whatsapp/authentication',
] as const;
const SMS_TYPES = new Set<string>(['twilio/text', 'twilio/media']);

/**
 * A placeholder: `{{1}}`, `{{first_name}}`, spaces inside the braces allowed (Twilio's own examples write
 * `{{ 1 }}`). Docs "Using Variables with Content Templates": names are numeric or alphanumeric, without spaces, at
 * most 16 characters; a template holds at most 100 of them.
 */
const PLACEHOLDER = /\{\{\s*([A-Za-z0-9_]{1,16})\s*\}\}/g;
/** Anything between double braces, to find the malformed ones (`{{}}`, `{{id name}}`). */
const ANY_BRACES = /\{\{([^}]*)\}\}/g;
export const MAX_VARIABLES = 100;
export const VARIABLE_NAME = /^[A-Za-z0-9_]{1,16}$/;

/** A template as one channel shows it: the text, its buttons' titles, and the placeholders nothing filled. */
export interface RenderedContent {
  contentSid: string;
  contentType: string;
  body: string;
  /** Quick-reply (or call-to-action) buttons, as the handset shows them below the text. */
  buttons: string[];
  /** Placeholders with neither a value sent nor a default: Twilio fails such a send (63028). */
  unresolved: string[];
  /** Only a template WhatsApp approved may start a conversation outside the customer service window. */
  approvedForWhatsApp: boolean;
}

/** The content type a channel gets from the template, if it can carry any of them. */
export function contentTypeFor(template: ContentTemplate, channel: MessageChannel): string | undefined {
  const carried = BY_COMPLEXITY.filter((type) => template.types[type] !== undefined && (channel === 'whatsapp' || SMS_TYPES.has(type)));
  return carried.at(-1);
}

/**
 * The template filled in for one channel: each placeholder takes the value sent (`ContentVariables`), else the
 * template's default (`variables`: "This is what your variables will fall back to when sending if variables aren't
 * defined at time of send"). Undefined when the chosen type has no text the sandbox can show (`twilio/location`
 * without a label).
 */
export function renderContent(template: ContentTemplate, sent: Record<string, string>, channel: MessageChannel): RenderedContent | undefined {
  // A channel that carries none of the types gets the richest one's text ("If the recipient's channel doesn't support
  // quick replies, Twilio automatically defaults to a text message"), without its buttons.
  const carried = contentTypeFor(template, channel);
  const contentType = carried ?? contentTypeFor(template, 'whatsapp');
  const data = contentType ? template.types[contentType] : undefined;
  if (!contentType || !isJsonObject(data)) return undefined;
  const text = [data['body'], data['title'], data['label']].find((value): value is string => typeof value === 'string');
  if (text === undefined) return undefined;
  const unresolved = new Set<string>();
  const fill = (value: string) =>
    value.replace(PLACEHOLDER, (placeholder, name: string) => {
      const filled = sent[name] ?? template.variables[name];
      if (filled === undefined) unresolved.add(name);
      return filled ?? placeholder;
    });
  const actions = carried && Array.isArray(data['actions']) ? data['actions'] : [];
  const buttons = actions.flatMap((action) => (isJsonObject(action) && typeof action['title'] === 'string' ? [fill(action['title'])] : []));
  return {
    contentSid: template.sid,
    contentType,
    body: fill(text),
    buttons,
    unresolved: [...unresolved],
    approvedForWhatsApp: template.whatsapp?.status === 'approved',
  };
}

/** What a handset's screen shows of a message: the text, then one line of buttons (`[Confirm] [Reschedule]`). */
export function asShown(body: string, buttons: readonly string[]): string {
  return buttons.length === 0 ? body : `${body}\n${buttons.map((title) => `[${title}]`).join(' ')}`;
}

/** Placeholders written wrongly in a text (`{{}}`, `{{id name}}`, a name over 16 characters). */
export function malformedPlaceholders(text: string): string[] {
  return [...text.matchAll(ANY_BRACES)].map((match) => match[0]).filter((placeholder) => !VARIABLE_NAME.test(placeholder.slice(2, -2).trim()));
}

/** Every placeholder name a text uses. */
export function placeholdersOf(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER)].map((match) => match[1]);
}

/**
 * `ContentVariables` as sent at send time: a JSON object whose values are strings (numbers are read as their text).
 * Undefined when it is not one, or a value is null or empty (Messaging's 21656: "ContentVariables cannot be an empty
 * string or null").
 */
export function readContentVariables(text: string | undefined): Record<string, string> | undefined {
  if (text === undefined) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!isJsonObject(parsed)) return undefined;
  const variables: Record<string, string> = {};
  for (const [name, value] of Object.entries(parsed)) {
    if (typeof value === 'number') variables[name] = String(value);
    else if (typeof value === 'string' && value !== '') variables[name] = value;
    else return undefined;
  }
  return variables;
}
