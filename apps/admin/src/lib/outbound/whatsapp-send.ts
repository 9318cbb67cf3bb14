// What the Send form shows about a WhatsApp (or template) send before and after it goes: which templates a channel
// may carry, the template filled in as the handset will show it, and the customer's 24-hour window in words. The API
// decides; these only put its facts into words (its refusals land on the fields through fieldErrorsFrom).
import type { ContentTemplate } from '../content-templates/content-template.types';
import type { CustomerWindow, SenderChannel } from '../senders/senders.types';

const PLACEHOLDER = /\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g;

/** Why a template cannot be picked for the channel (WhatsApp delivers only approved ones); undefined when it can. */
export function templateUnavailable(template: ContentTemplate, channel: SenderChannel): string | undefined {
  if (channel === 'whatsapp' && !template.whatsapp.approved) return `${template.whatsapp.status} WhatsApp approval`;
  if (template.body[channel] === null) return `no ${channel === 'whatsapp' ? 'WhatsApp' : 'SMS'} body`;
  return undefined;
}

/**
 * The channel's body with each placeholder filled: what was typed, else the template's sample (Twilio sends the
 * sample for a variable left out), as the customer's phone will show it: on WhatsApp, the quick-reply buttons on a
 * last line (`[Confirm] [Reschedule]`, as the sandbox handset writes them).
 */
export function previewTemplate(template: ContentTemplate, channel: SenderChannel, values: Record<string, string>): string {
  const samples = Object.fromEntries(template.variables.map((variable) => [variable.name, variable.sample]));
  const fill = (text: string) => text.replace(PLACEHOLDER, (whole, name: string) => (values[name]?.trim() ? values[name] : (samples[name] ?? whole)));
  const body = fill(template.body[channel] ?? '');
  const buttons = channel === 'whatsapp' ? template.buttons.whatsapp.map((title) => `[${fill(title)}]`) : [];
  return buttons.length > 0 ? `${body}\n${buttons.join(' ')}` : body;
}

/** "3 h ago", "12 min ago", "just now": how long since the customer wrote, at a glance. */
function ago(milliseconds: number): string {
  const minutes = Math.floor(milliseconds / 60_000);
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes} min ago`;
  return `${Math.floor(minutes / 60)} h ago`;
}

export interface WindowHint {
  open: boolean;
  text: string;
}

/**
 * The window in words, from the API's reading (the one its WHATSAPP_TEMPLATE_REQUIRED comes from), counted on the
 * API's clock; `formatTime` writes "21:14" in the operator's time zone.
 */
export function windowHint(window: CustomerWindow, formatTime: (iso: string) => string, byTemplate = false): WindowHint {
  if (window.open && window.lastInboundAt && window.openUntil) {
    const since = Date.parse(window.checkedAt) - Date.parse(window.lastInboundAt);
    return { open: true, text: `The customer wrote ${ago(since)}: free text allowed until ${formatTime(window.openUntil)}.` };
  }
  const what = byTemplate ? 'only an approved template goes, as chosen.' : 'choose an approved template.';
  if (window.lastInboundAt) return { open: false, text: `Outside 24 h (the customer last wrote ${formatTime(window.lastInboundAt)}): ${what}` };
  return { open: false, text: `The customer has not written to this sender: outside 24 h, ${what}` };
}
