import { isoDate } from '../core/dates';
import type { SandboxState } from '../core/state';
import { Api2010Store } from '../products/api2010/api2010.store';
import { addressOn, channelOf, phoneOf } from './channel-address';

/**
 * WhatsApp's customer service window (Twilio support, error 63016: "A messaging session starts when a user sends your
 * application a message, and lasts for 24 hours from the most recently received message"; only the customer's
 * messages open or extend it, the business's never do). Kept per (WhatsApp sender, customer).
 */
export const CUSTOMER_SERVICE_WINDOW_MS = 24 * 60 * 60 * 1000;

/** 63016: outside the window Twilio accepts the message and then fails it (`failed`, error 63016). */
export const OUTSIDE_WINDOW = 63016;
/** 63028: a placeholder of the template had neither a value sent nor a default. */
export const TEMPLATE_VARIABLES_MISMATCH = 63028;

export interface CustomerServiceWindow {
  /** The account's WhatsApp sender (`whatsapp:+1…`). */
  sender: string;
  /** The customer's WhatsApp address. */
  customer: string;
  lastCustomerMessageAt: string | null;
  closesAt: string | null;
  open: boolean;
}

export function recordCustomerMessage(state: SandboxState, sender: string, customer: string, at: Date = state.now()): void {
  state.api.customerMessages.set(Api2010Store.windowKey(sender, customer), at);
}

/** Sets (or, with null, forgets) when the customer last wrote: a test's way to be inside or outside the window. */
export function setLastCustomerMessage(state: SandboxState, sender: string, customer: string, at: Date | null): CustomerServiceWindow {
  const key = Api2010Store.windowKey(sender, customer);
  if (at) state.api.customerMessages.set(key, at);
  else state.api.customerMessages.delete(key);
  return customerServiceWindow(state, sender, customer);
}

export function customerServiceWindow(state: SandboxState, sender: string, customer: string): CustomerServiceWindow {
  const last = state.api.customerMessages.get(Api2010Store.windowKey(sender, customer));
  const closes = last ? new Date(last.getTime() + CUSTOMER_SERVICE_WINDOW_MS) : undefined;
  return { sender, customer, lastCustomerMessageAt: isoDate(last), closesAt: isoDate(closes), open: closes !== undefined && state.now() < closes };
}

/** The windows of a handset (its phone number) with each of the account's WhatsApp senders. */
export function windowsOfHandset(state: SandboxState, phone: string): CustomerServiceWindow[] {
  const customer = addressOn('whatsapp', phoneOf(phone));
  return [...state.api.whatsappSenders].map((sender) => customerServiceWindow(state, sender, customer));
}

/**
 * Why a WhatsApp message Twilio accepted fails before it reaches the handset, if it does: a template placeholder
 * left unfilled (63028), or free text outside the window (63016). A template counts as one only once WhatsApp
 * approved it: an unapproved one (pending, rejected, paused…) is sent as a session message, which only the window
 * lets through (63016's causes: "You are using the Body parameter instead of Content SID", "a content type that is
 * not supported for business initiated conversations"; approvals doc: "Messages that use this template cannot be
 * sent").
 */
export function sendFailureCode(
  state: SandboxState,
  message: { from: string; to: string; content?: { unresolved: string[]; approvedForWhatsApp: boolean } },
): number | undefined {
  if (message.content && message.content.unresolved.length > 0) return TEMPLATE_VARIABLES_MISMATCH;
  if (channelOf(message.to) !== 'whatsapp' || message.content?.approvedForWhatsApp) return undefined;
  return customerServiceWindow(state, message.from, message.to).open ? undefined : OUTSIDE_WINDOW;
}
