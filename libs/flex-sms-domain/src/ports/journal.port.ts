/**
 * The journal: a durable record of every outbound SMS request, written BEFORE Twilio is called, step by step while
 * it runs (a step as soon as crash recovery would need it to undo what the step made: see `mustJournalAtOnce`), and
 * with its final status. It is what lets a crash be finished or rolled back (ResolveInFlight) instead of
 * leaving a task with no SMS behind it. The API implements it on SQL (one row per request, one per step, one per
 * pending step); `InMemoryJournal` (src/testing) is the reference behaviour for unit tests.
 */
import type { OptOut } from './consent-register.port';

export const OUTBOUND_REQUEST_KINDS = ['agent_sms', 'system_sms'] as const;
export type OutboundRequestKind = (typeof OUTBOUND_REQUEST_KINDS)[number];

export const OUTBOUND_REQUEST_STATUSES = [
  /** Twilio is being called (or the process died while it was). */
  'in_flight',
  'succeeded',
  /** Failed, and nothing this request created was left behind (nothing was created, or it was all undone). */
  'failed',
  /** Failed after creating things; they were undone (see `undone`). */
  'rolled_back',
] as const;
export type OutboundRequestStatus = (typeof OUTBOUND_REQUEST_STATUSES)[number];

/** What the caller asked for, recorded before any Twilio request. */
export interface OutboundRequestRecord {
  kind: OutboundRequestKind;
  /** Who asked (API key name, user…), as the API identifies callers. */
  caller: string;
  /** E.164. */
  fromNumber: string;
  /** E.164. */
  toNumber: string;
  toName: string;
  /** `sms` or `whatsapp`. */
  channel: 'sms' | 'whatsapp';
  /** The message posted to the customer (system SMS body, or the agent flow's initial message; a template's filled-in body). */
  body: string | null;
  idempotencyKey: string | null;
  /** The whole command, for audit (source channel, target worker, extra task attributes…). */
  input: Record<string, unknown>;
  /**
   * Where the calling system wants to hear of the request's changes (system callbacks), when it named a URL of its
   * own for this request; absent = its API key's callback URL, if any.
   */
  statusCallbackUrl?: string;
}

/** The steps of an outbound request, in Twilio's words. */
export const STEP_NAMES = [
  'flex-flow',
  'channel',
  'proxy-session',
  'stale-session',
  'channel-attributes',
  'message',
  // Flex Conversations mode (OUTBOUND_MODE=conversations).
  'conversation',
  'conversation-participant',
  'conversation-webhook',
  'interaction',
] as const;
export type StepName = (typeof STEP_NAMES)[number];

export const STEP_OUTCOMES = ['resolved', 'created', 'reused', 'updated', 'closed', 'removed', 'failed'] as const;
export type StepOutcome = (typeof STEP_OUTCOMES)[number];

export interface ErrorRecord {
  code: string;
  message: string;
  twilioCode?: number;
  details?: Record<string, unknown>;
}

export interface StepRecord {
  name: StepName;
  outcome: StepOutcome;
  /** The Twilio SIDs the step produced or touched: flexFlowSid, chatServiceSid, channelSid, taskSid, sessionSid… */
  sids: Record<string, string>;
  /** Anything else needed to undo the step (e.g. the channel attribute value it replaced). */
  data?: Record<string, unknown>;
  startedAt: Date;
  finishedAt: Date;
  error?: ErrorRecord;
}

/** Work recorded before answering and finished after it (CompletePendingSteps), durable across a crash. */
export const PENDING_STEP_NAMES = ['channel-attributes'] as const;
export type PendingStepName = (typeof PENDING_STEP_NAMES)[number];
export const PENDING_STEP_STATUSES = ['pending', 'done', 'failed'] as const;

export interface PendingStepRecord {
  name: PendingStepName;
  /** Everything the step needs to run without the original request in memory. */
  payload: Record<string, unknown>;
  recordedAt: Date;
  status: (typeof PENDING_STEP_STATUSES)[number];
  attempts: number;
  settledAt?: Date;
  error?: ErrorRecord;
}

export const UNDO_ACTIONS = [
  'cancel-task',
  'remove-proxy-session',
  'remove-channel',
  'restore-channel-attributes',
  'close-interaction-channel',
  'remove-conversation',
] as const;

/** One thing a rollback undid (or tried to). */
export interface UndoneRecord {
  action: (typeof UNDO_ACTIONS)[number];
  sid: string;
  ok: boolean;
  error?: ErrorRecord;
}

export interface RequestOutcome {
  status: Exclude<OutboundRequestStatus, 'in_flight'>;
  finishedAt: Date;
  /** The use case's result when it succeeded. */
  result?: Record<string, unknown>;
  error?: ErrorRecord;
  undone?: UndoneRecord[];
}

export interface JournalEntry extends OutboundRequestRecord {
  id: string;
  status: OutboundRequestStatus;
  startedAt: Date;
  finishedAt: Date | null;
  steps: StepRecord[];
  pendingSteps: PendingStepRecord[];
  undone: UndoneRecord[];
  result: Record<string, unknown> | null;
  error: ErrorRecord | null;
}

/** A request's follow-up work, as CompletePendingSteps reads it. */
export interface FollowUp {
  fromNumber: string;
  toNumber: string;
  pendingSteps: PendingStepRecord[];
}

/** Follow-up work a request records before it answers (see PendingStepRecord). */
export type NewPendingStep = Pick<PendingStepRecord, 'name' | 'payload' | 'recordedAt'>;

/** What a request has not written yet when it finishes: written with its outcome, in the same write. */
export interface UnwrittenRecords {
  steps?: readonly StepRecord[];
  pendingSteps?: readonly NewPendingStep[];
}

/** Whom a request is about to message, as the consent register keys it: the customer's number and the sender's scope. */
export interface ConsentQuestion {
  readonly recipient: string;
  readonly scope: string;
}

export interface BegunRequest {
  readonly id: string;
  /** The opt-out that forbids the request's recipient from its scope, or null. */
  readonly optOut: OptOut | null;
}

export interface Journal {
  /**
   * Records the request and returns its id. Called before any Twilio request, under the pair lock (a PairLock taken
   * `withJournal` is taken by this write).
   */
  begin(request: OutboundRequestRecord, startedAt: Date): Promise<string>;

  /**
   * `begin`, asking the consent register in the same write whether the request's recipient opted out of its scope
   * (as ConsentRegisterPort.optOutOf): a send needs both before its first Twilio request, and one write answering both
   * saves it a database round trip. The request is begun either way; one that learns of an opt-out is finished as
   * refused, with nothing made in Twilio.
   */
  beginAskingConsent(request: OutboundRequestRecord, startedAt: Date, question: ConsentQuestion): Promise<BegunRequest>;

  recordStep(requestId: string, step: StepRecord): Promise<void>;

  /** Records several steps, in order, in one write. */
  recordSteps(requestId: string, steps: readonly StepRecord[]): Promise<void>;

  /**
   * Records several steps, in order, in one write, the last of which made something another request may have made
   * instead: Flex hands the customer's active channel back, and Twilio's creation time cannot tell a channel made a
   * moment ago by an earlier request from one made now. That step is recorded as `created` unless a step of the same
   * name of another request holds the same SID (`sids[sidKey]`), then as `reused`; resolves to the outcome recorded.
   * The check and the write are one round trip, under the pair lock.
   */
  recordClaim(requestId: string, steps: readonly StepRecord[], sidKey: string): Promise<'created' | 'reused'>;

  /**
   * Marks a pending step done or failed (a failed one counts an attempt and stays for a later run if `retry`), with
   * the steps the work recorded, in one write.
   */
  settlePendingStep(
    requestId: string,
    name: PendingStepName,
    outcome: { status: 'done' | 'failed' | 'pending'; at: Date; error?: ErrorRecord },
    steps?: readonly StepRecord[],
  ): Promise<void>;

  /**
   * Records the request's outcome, with the steps and follow-up work it has not written yet, in one write (a PairLock
   * taken `withJournal` is released by it). Follow-up work must be written by the time the request answers.
   */
  finish(requestId: string, outcome: RequestOutcome, unwritten?: UnwrittenRecords): Promise<void>;

  get(requestId: string): Promise<JournalEntry | null>;

  /** A request's follow-up work and its pair (whose lock the work runs under), or null when there is no such request: one read. */
  followUpOf(requestId: string): Promise<FollowUp | null>;

  /**
   * The id of a request other than `exceptRequestId` that succeeded with this chat channel or conversation in one of
   * its steps, or null. Crash recovery asks it before undoing what an interrupted request made: a later request for
   * the same customer may have picked that channel up and answered its caller with it, and it is theirs now.
   */
  succeededRequestUsing(sid: string, exceptRequestId: string): Promise<string | null>;

  /**
   * The chat channels requests for this Twilio number and customer recorded in their `channel` step, most recent
   * first, at most `limit`. Finds the stale Proxy session of a channel that was deleted since (Proxy names a Flex
   * session after its channel, so it can be fetched by that name even when the channel is gone).
   */
  recentChannelsOfPair(fromNumber: string, toNumber: string, limit: number): Promise<string[]>;

  /** Requests still `in_flight`, and requests with a `pending` follow-up step: what start-up must resolve. */
  listUnresolved(): Promise<JournalEntry[]>;
}
