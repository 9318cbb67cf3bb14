import type {
  ErrorRecord,
  JournalEntry,
  OutboundRequestKind,
  OutboundRequestStatus,
  PendingStepName,
  PendingStepRecord,
  StepName,
  StepOutcome,
  StepRecord,
  UndoneRecord,
} from '@flex-sms/domain';
import type { Queryable } from '../store/database';
import { isAnyOf } from '../store/sql-fragments';

/** The journal's rows as the database returns them (snake_case, jsonb parsed, timestamptz as Date). */
export interface RequestRow {
  id: string;
  kind: OutboundRequestKind;
  caller: string;
  from_number: string;
  to_number: string;
  to_name: string;
  channel: 'sms' | 'whatsapp';
  body: string | null;
  idempotency_key: string | null;
  input: Record<string, unknown>;
  status_callback_url: string | null;
  status: OutboundRequestStatus;
  started_at: Date;
  finished_at: Date | null;
  result: Record<string, unknown> | null;
  error: ErrorRecord | null;
}

interface StepRow {
  request_id: string;
  name: StepName;
  outcome: StepOutcome;
  sids: Record<string, string>;
  data: Record<string, unknown> | null;
  started_at: Date;
  finished_at: Date;
  error: ErrorRecord | null;
}

export interface PendingStepRow {
  request_id: string;
  name: PendingStepName;
  payload: Record<string, unknown>;
  recorded_at: Date;
  status: PendingStepRecord['status'];
  attempts: number;
  settled_at: Date | null;
  error: ErrorRecord | null;
}

interface UndoneRow {
  request_id: string;
  action: UndoneRecord['action'];
  sid: string;
  ok: boolean;
  error: ErrorRecord | null;
}

/** A JSON value as a parameter for a json(b) column: JSON text, or null. */
export function jsonParam(value: unknown): string | null {
  return value === undefined || value === null ? null : JSON.stringify(value);
}

/** Optional fields of the records are absent, never null, exactly as the in-memory journal keeps them. */
function optional<K extends string, V>(key: K, value: V | null): { [P in K]?: V } {
  return (value === null ? {} : { [key]: value }) as { [P in K]?: V };
}

export const REQUEST_COLUMNS =
  'id, kind, caller, from_number, to_number, to_name, channel, body, idempotency_key, input, status_callback_url, status, started_at, finished_at, result, error';

/** The entries of these request rows, with their steps, pending steps and undo records (four queries in all). */
export async function loadEntries(db: Queryable, requests: readonly RequestRow[]): Promise<JournalEntry[]> {
  if (requests.length === 0) return [];
  const ids = requests.map((request) => request.id);
  const ofRequests = `request_id ${isAnyOf(db.dialect, '$1')}`;
  const [steps, pending, undone] = await Promise.all([
    db.query<StepRow>(
      `SELECT request_id, name, outcome, sids, data, started_at, finished_at, error FROM outbound_step WHERE ${ofRequests} ORDER BY id`,
      [ids],
    ),
    db.query<PendingStepRow>(
      `SELECT request_id, name, payload, recorded_at, status, attempts, settled_at, error FROM outbound_pending_step WHERE ${ofRequests} ORDER BY recorded_at, name`,
      [ids],
    ),
    db.query<UndoneRow>(`SELECT request_id, action, sid, ok, error FROM outbound_undone WHERE ${ofRequests} ORDER BY id`, [ids]),
  ]);
  return requests.map((request) => ({
    ...toRequestSummary(request),
    steps: steps.filter((row) => row.request_id === request.id).map(toStepRecord),
    pendingSteps: pending.filter((row) => row.request_id === request.id).map(toPendingStepRecord),
    undone: undone.filter((row) => row.request_id === request.id).map(toUndoneRecord),
  }));
}

export function toRequestSummary(row: RequestRow): Omit<JournalEntry, 'steps' | 'pendingSteps' | 'undone'> {
  return {
    id: row.id,
    kind: row.kind,
    caller: row.caller,
    fromNumber: row.from_number,
    toNumber: row.to_number,
    toName: row.to_name,
    channel: row.channel,
    body: row.body,
    idempotencyKey: row.idempotency_key,
    input: row.input,
    ...optional('statusCallbackUrl', row.status_callback_url),
    status: row.status,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    result: withCurrentModeName(row.result),
    error: row.error,
  };
}

/** A result journaled before chat-proxy was renamed says `mode: 'legacy'`; history answers today's name. */
function withCurrentModeName(result: Record<string, unknown> | null): Record<string, unknown> | null {
  return result?.mode === 'legacy' ? { ...result, mode: 'chat-proxy' } : result;
}

function toStepRecord(row: StepRow): StepRecord {
  return {
    name: row.name,
    outcome: row.outcome,
    sids: row.sids,
    ...optional('data', row.data),
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    ...optional('error', row.error),
  };
}

export function toPendingStepRecord(row: PendingStepRow): PendingStepRecord {
  return {
    name: row.name,
    payload: row.payload,
    recordedAt: row.recorded_at,
    status: row.status,
    attempts: row.attempts,
    ...optional('settledAt', row.settled_at),
    ...optional('error', row.error),
  };
}

function toUndoneRecord(row: UndoneRow): UndoneRecord {
  return { action: row.action, sid: row.sid, ok: row.ok, ...optional('error', row.error) };
}
