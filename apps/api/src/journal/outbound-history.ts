import type { DeliveryStatus, JournalEntry, OutboundRequestKind, OutboundRequestStatus } from '@flex-sms/domain';
import type { Database, SqlDialect } from '../store/database';
import { isAnyOf } from '../store/sql-fragments';
import { REQUEST_COLUMNS, RequestRow, toRequestSummary } from './journal-rows';

export interface OutboundHistoryFilter {
  status?: OutboundRequestStatus;
  kind?: OutboundRequestKind;
  /** The delivery status of the request's message (`accepted`: sent, nothing reported past it yet). */
  delivery?: DeliveryStatus;
  /** E.164; matches either side of the conversation (the Twilio number or the customer). */
  number?: string;
  /** Who made the request (`api-key:<id>`, `user:<id>`, `bootstrap`), as the journal records it. */
  caller?: string;
  /** Only requests sent from one of these Twilio numbers (a caller restricted to them). */
  fromNumbers?: readonly string[];
  /** Requests started at or after this instant. */
  since?: Date;
  /** Requests started before this instant. */
  until?: Date;
  /** 1-based. */
  page: number;
  pageSize: number;
}

export type OutboundRequestSummary = Omit<JournalEntry, 'steps' | 'pendingSteps' | 'undone'>;

export interface OutboundHistoryPage {
  items: OutboundRequestSummary[];
  page: number;
  pageSize: number;
  total: number;
}

/** The journal read as history: newest first, filtered, one page at a time (the steps stay in GET /outbound/:id). */
export class OutboundHistory {
  constructor(private readonly db: Database) {}

  async list(filter: OutboundHistoryFilter): Promise<OutboundHistoryPage> {
    const { where, params } = whereClause(filter, this.db.dialect);
    const offset = (filter.page - 1) * filter.pageSize;
    const [rows, [{ total }]] = await Promise.all([
      this.db.query<RequestRow>(
        `SELECT ${REQUEST_COLUMNS} FROM outbound_request ${where} ORDER BY started_at DESC, id DESC LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
        [...params, filter.pageSize, offset],
      ),
      this.db.query<{ total: number }>(`SELECT count(*) AS total FROM outbound_request ${where}`, params),
    ]);
    return { items: rows.map(toRequestSummary), page: filter.page, pageSize: filter.pageSize, total };
  }

  /**
   * Whether a request sent from one of `fromNumbers` started or reused this chat channel or conversation: what makes
   * its transcript theirs. (A stale session's channel, closed on the way, is another conversation's.)
   */
  async isTranscriptOf(sid: string, fromNumbers: readonly string[]): Promise<boolean> {
    const found = await this.db.query(
      `SELECT 1 FROM outbound_step s JOIN outbound_request r ON r.id = s.request_id
       WHERE s.name IN ('channel', 'conversation', 'interaction') AND (s.sids ->> 'channelSid' = $1 OR s.sids ->> 'conversationSid' = $1)
         AND r.from_number ${isAnyOf(this.db.dialect, '$2')}
       LIMIT 1`,
      [sid, [...fromNumbers]],
    );
    return found.length > 0;
  }
}

function whereClause(filter: OutboundHistoryFilter, dialect: SqlDialect): { where: string; params: unknown[] } {
  const conditions: string[] = [];
  const params: unknown[] = [];
  const add = (condition: (placeholder: string) => string, value: unknown) => {
    params.push(value);
    conditions.push(condition(`$${params.length}`));
  };
  if (filter.status) add((p) => `status = ${p}`, filter.status);
  if (filter.kind) add((p) => `kind = ${p}`, filter.kind);
  if (filter.delivery === 'accepted') {
    add(
      (p) =>
        `status = 'succeeded' AND (result -> 'message' ->> 'sid') IS NOT NULL AND NOT EXISTS (SELECT 1 FROM message_delivery d WHERE d.request_id = outbound_request.id AND d.status <> ${p})`,
      'accepted',
    );
  } else if (filter.delivery) add((p) => `id IN (SELECT request_id FROM message_delivery WHERE status = ${p})`, filter.delivery);
  if (filter.number) add((p) => `(from_number = ${p} OR to_number = ${p})`, filter.number);
  if (filter.caller) add((p) => `caller = ${p}`, filter.caller);
  if (filter.fromNumbers) add((p) => `from_number ${isAnyOf(dialect, p)}`, [...filter.fromNumbers]);
  if (filter.since) add((p) => `started_at >= ${p}`, filter.since);
  if (filter.until) add((p) => `started_at < ${p}`, filter.until);
  return { where: conditions.length ? `WHERE ${conditions.join(' AND ')}` : '', params };
}
