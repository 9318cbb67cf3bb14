import {
  ConversationAddressInUse,
  DuplicateUniqueName,
  ProxyIdentifierInUse,
  ResourceNotFound,
  TwilioRequestFailed,
  TwilioTransientFailure,
} from '@flex-sms/domain';
import { RETRY_AFTER_DETAIL } from '../client/twilio-client.factory';

/** The shape of the SDK's RestException (status + Twilio's error body). */
interface TwilioRestError {
  status: number;
  code?: number;
  message: string;
  moreInfo?: string;
  details?: Record<string, unknown>;
}

/** Twilio error codes with a meaning the domain acts on. */
export const TWILIO_CODES = {
  notFound: 20404,
  /** Proxy: Session UniqueName must be unique. */
  proxySessionUniqueNameTaken: 80603,
  /** Chat: Channel with provided unique name already exists. */
  chatChannelUniqueNameTaken: 50307,
  /** Proxy: identifier/proxy identifier pair already active in another session. */
  proxyIdentifierInUse: 80604,
  /** Proxy: participant already active with this proxy identifier in another open session (409). */
  duplicateParticipant: 80623,
  /** Proxy: the identifier is already a participant in the session. */
  participantAlreadyInSession: 80103,
  /** Conversations: participant and proxy address pair already in use (in a conversation that is not closed). */
  conversationBindingInUse: 50416,
  /** Conversations: the same, for one of several participants added at once. */
  conversationBindingsInUse: 50425,
  /** Conversations: the conversation is in its final closed state and cannot be updated. */
  conversationClosed: 50377,
} as const;

const PARTICIPANT_CONFLICT_CODES = new Set<number>([
  TWILIO_CODES.proxyIdentifierInUse,
  TWILIO_CODES.duplicateParticipant,
  TWILIO_CODES.participantAlreadyInSession,
]);
const CONVERSATION_BINDING_CODES = new Set<number>([TWILIO_CODES.conversationBindingInUse, TWILIO_CODES.conversationBindingsInUse]);
const UNIQUE_NAME_CODES = new Set<number>([TWILIO_CODES.proxySessionUniqueNameTaken, TWILIO_CODES.chatChannelUniqueNameTaken]);

/** Network failures after which Twilio may or may not have received the request. */
const CONNECTION_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ECONNABORTED',
  'ETIMEDOUT',
  'ESOCKETTIMEDOUT',
  'EPIPE',
  'EAI_AGAIN',
  'ENOTFOUND',
  'ERR_NETWORK',
]);
const CONNECTION_MESSAGES = /socket hang up|timeout|network error|ECONNRESET/i;

/** What a failed request was about, for the domain error's message. */
export interface TwilioCallContext {
  /** E.g. 'Proxy session'. */
  resource: string;
  /** The SID or UniqueName the request named, when it named one. */
  sid?: string;
}

/** The one place where Twilio's errors become the domain's. */
export function mapTwilioError(error: unknown, context: TwilioCallContext): Error {
  if (isRestError(error)) return mapRestError(error, context);
  if (isConnectionError(error)) {
    return new TwilioTransientFailure(`${context.resource}: connection failed (${describe(error)})`, 'connection');
  }
  return error instanceof Error ? error : new Error(String(error));
}

/** Runs one SDK call, translating its failure. */
export async function callTwilio<T>(context: TwilioCallContext, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw mapTwilioError(error, context);
  }
}

/** Like `callTwilio`, but a 404 means "there is none": `null`. */
export async function callTwilioOrNull<T>(context: TwilioCallContext, call: () => Promise<T>): Promise<T | null> {
  try {
    return await callTwilio(context, call);
  } catch (error) {
    if (error instanceof ResourceNotFound) return null;
    throw error;
  }
}

function mapRestError(error: TwilioRestError, context: TwilioCallContext): Error {
  const { status, code } = error;
  const message = `${context.resource}: ${error.message}`;
  if (status === 429) return new TwilioTransientFailure(message, 'throttled', retryAfterMs(error), status, code);
  if (status >= 500) return new TwilioTransientFailure(message, 'server_error', undefined, status, code);
  if (code !== undefined && PARTICIPANT_CONFLICT_CODES.has(code)) {
    return new ProxyIdentifierInUse(message, code, /\bKC[0-9a-fA-F]{32}\b/.exec(error.message)?.[0]);
  }
  if (code !== undefined && CONVERSATION_BINDING_CODES.has(code)) {
    // Twilio's message names the conversation holding the pair ("… already exists in Conversation CH…").
    return new ConversationAddressInUse(message, code, /\bCH[0-9a-fA-F]{32}\b/.exec(error.message)?.[0]);
  }
  if (code !== undefined && UNIQUE_NAME_CODES.has(code)) return new DuplicateUniqueName(message, code);
  if (status === 404 || code === TWILIO_CODES.notFound) return new ResourceNotFound(context.resource, context.sid ?? '(unnamed)', code);
  return new TwilioRequestFailed(message, status, code, error.moreInfo);
}

/** Retry-After is seconds (or an HTTP date); a value we cannot read is left to the backoff. */
function retryAfterMs(error: TwilioRestError): number | undefined {
  const raw = error.details?.[RETRY_AFTER_DETAIL];
  if (raw === undefined) return undefined;
  const seconds = Number(raw);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(String(raw));
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

function isRestError(error: unknown): error is TwilioRestError {
  return typeof error === 'object' && error !== null && typeof (error as { status?: unknown }).status === 'number';
}

function isConnectionError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const code = (error as { code?: unknown }).code;
  return (typeof code === 'string' && CONNECTION_CODES.has(code)) || CONNECTION_MESSAGES.test(describe(error));
}

function describe(error: unknown): string {
  if (error instanceof Error) return `${(error as { code?: string }).code ?? ''} ${error.message}`.trim();
  return String(error);
}
