import { Inject, Injectable } from '@nestjs/common';
import {
  statusesSupersededBy,
  type DeliveryLog,
  type DeliveryReport,
  type DeliveryStatus,
  type MessageDelivery,
  type OutboundMode,
  type UnsettledMessage,
} from '@flex-sms/domain';
import type { OutboundEvent } from '../events/outbound-events';
import { DATABASE, PREPARED, type Database, type Queryable } from '../store/database';
import { isAnyOf } from '../store/sql-fragments';
import { SystemCallbackOutbox, enqueueCallback } from '../system-callbacks/system-callback-outbox';

interface DeliveryRow {
  message_sid: string;
  request_id: string;
  channel_message_sid: string | null;
  status: DeliveryStatus;
  error_code: number | null;
  error_message: string | null;
  updated_at: Date;
}

interface HeldRow {
  message_sid: string;
  status: DeliveryStatus;
  channel_message_sid: string | null;
  error_code: number | null;
  error_message: string | null;
  source: DeliveryReport['source'];
  reported_at: Date;
}

/** One status the message was reported at, oldest first. */
export interface DeliveryEvent {
  status: DeliveryStatus;
  errorCode: number | null;
  errorMessage: string | null;
  source: 'callback' | 'reconciliation';
  reportedAt: Date;
  recordedAt: Date;
}

/** DeliveryRow's columns: listed, not `*`, in the statements every status callback runs (prepared: QueryOptions). */
const DELIVERY_COLUMNS = 'message_sid, request_id, channel_message_sid, status, error_code, error_message, updated_at';

const UNSETTLED: DeliveryStatus[] = ['accepted', 'queued', 'sent'];

/**
 * A send journals its message within its Twilio request timeout (TWILIO_REQUEST_TIMEOUT_MS, 30 s by default) of
 * Twilio queueing it; twice the longest sensible timeout covers every send an early report can belong to.
 */
const EARLY_REPORT_WINDOW_MS = 2 * 60_000;

/** DeliveryLog on the API's database (migration 070): the message's row moves by one conditional UPDATE. */
@Injectable()
export class SqlDeliveryLog implements DeliveryLog {
  /** When this process last held an early report (see mayHoldReportsFor). */
  private lastHeldHere = Number.NEGATIVE_INFINITY;

  constructor(
    @Inject(DATABASE) private readonly db: Database,
    private readonly outbox: SystemCallbackOutbox,
  ) {}

  /**
   * Whether a send finishing now may have a report held by this process: only if one was held here lately. Early
   * reports are rare (Proxy's `queued` racing the send's own journal write), so a send asks the table only then and
   * costs no database round trip otherwise. A report held by another instance behind the same load balancer is
   * recorded by the next reconciliation run instead (DELIVERY_RECONCILE_EVERY_MS), as one whose send died.
   */
  mayHoldReportsFor(now: number): boolean {
    return now - this.lastHeldHere <= EARLY_REPORT_WINDOW_MS;
  }

  async requestOfMessage(messageSid: string): Promise<string | null> {
    const [row] = await this.db.query<{ request_id: string }>(
      `SELECT request_id FROM outbound_step WHERE name = 'message' AND sids ->> 'messageSid' = $1 LIMIT 1`,
      [messageSid],
      PREPARED,
    );
    return row?.request_id ?? null;
  }

  async hold(report: DeliveryReport, at: Date): Promise<void> {
    this.lastHeldHere = Date.now();
    await this.db.query(
      `INSERT INTO message_delivery_held (message_sid, status, channel_message_sid, error_code, error_message, source, reported_at, held_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (message_sid, status) DO NOTHING`,
      [report.messageSid, report.status, report.channelMessageSid, report.errorCode, report.errorMessage, report.source, report.reportedAt, at],
    );
  }

  async heldReports(query: { requestId?: string; limit: number }): Promise<{ requestId: string; report: DeliveryReport }[]> {
    const ofRequest = query.requestId === undefined ? '' : 'AND s.request_id = $2';
    const rows = await this.db.query<HeldRow & { request_id: string }>(
      `SELECT s.request_id, h.* FROM message_delivery_held h
       JOIN outbound_step s ON s.name = 'message' AND s.sids ->> 'messageSid' = h.message_sid ${ofRequest}
       ORDER BY h.reported_at, h.held_at LIMIT $1`,
      query.requestId === undefined ? [query.limit] : [query.limit, query.requestId],
    );
    return rows.map((row) => ({
      requestId: row.request_id,
      report: {
        messageSid: row.message_sid,
        channelMessageSid: row.channel_message_sid,
        status: row.status,
        errorCode: row.error_code === null ? null : Number(row.error_code),
        errorMessage: row.error_message,
        reportedAt: row.reported_at,
        source: row.source,
      },
    }));
  }

  async releaseHeld(reports: readonly DeliveryReport[], heldBefore?: Date): Promise<void> {
    if (reports.length > 0) {
      await this.db.query(`DELETE FROM message_delivery_held WHERE message_sid || ' ' || status ${isAnyOf(this.db.dialect, '$1')}`, [
        reports.map((report) => `${report.messageSid} ${report.status}`),
      ]);
    }
    if (heldBefore) await this.db.query('DELETE FROM message_delivery_held WHERE held_at < $1', [heldBefore]);
  }

  async record(requestId: string, report: DeliveryReport): Promise<{ delivery: MessageDelivery; changed: boolean }> {
    const { queued, ...recorded } = await this.db.transaction(async (tx) => {
      await tx.query(
        `INSERT INTO message_delivery (message_sid, request_id, channel_message_sid, status, updated_at) VALUES ($1, $2, $3, 'accepted', $4)
         ON CONFLICT (message_sid) DO NOTHING`,
        [report.messageSid, requestId, report.channelMessageSid, report.reportedAt],
        PREPARED,
      );
      await tx.query(
        `INSERT INTO message_delivery_event (message_sid, status, error_code, error_message, source, reported_at, recorded_at) VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (message_sid, status) DO NOTHING`,
        [report.messageSid, report.status, report.errorCode, report.errorMessage, report.source, report.reportedAt, new Date()],
        PREPARED,
      );
      // The status only moves forwards (the domain says from where); the WHERE makes it hold against a concurrent writer.
      const [moved] = await tx.query<DeliveryRow>(
        `UPDATE message_delivery SET status = $2, error_code = $3, error_message = $4, updated_at = $5, channel_message_sid = coalesce($6, channel_message_sid)
         WHERE message_sid = $1 AND status ${isAnyOf(tx.dialect, '$7')} RETURNING ${DELIVERY_COLUMNS}`,
        [
          report.messageSid,
          report.status,
          report.errorCode,
          report.errorMessage,
          report.reportedAt,
          report.channelMessageSid,
          statusesSupersededBy(report.status),
        ],
        PREPARED,
      );
      if (moved) {
        const delivery = toDelivery(moved);
        // The change's system callback is queued with it: recorded and not queued would be lost to a crash in between.
        return { delivery, changed: true, queued: await enqueueCallback(tx, deliveryEvent(delivery), new Date()) };
      }
      return { delivery: await current(tx, report), changed: false, queued: false };
    });
    if (queued) this.outbox.queued();
    return recorded;
  }

  async unsettled(query: { sentAfter: Date; sentBefore: Date; checkedBefore: Date; limit: number }): Promise<UnsettledMessage[]> {
    const rows = await this.db.query<{ id: string; result: unknown; channel_message_sid: string | null }>(
      `SELECT r.id, r.result, d.channel_message_sid FROM outbound_request r LEFT JOIN message_delivery d ON d.request_id = r.id
       WHERE r.status = 'succeeded' AND r.finished_at >= $1 AND r.finished_at <= $2 AND (r.result -> 'message' ->> 'sid') IS NOT NULL
         AND (d.status IS NULL OR d.status ${isAnyOf(this.db.dialect, '$4')}) AND (d.checked_at IS NULL OR d.checked_at <= $3)
       ORDER BY r.finished_at LIMIT $5`,
      [query.sentAfter, query.sentBefore, query.checkedBefore, UNSETTLED, query.limit],
    );
    return rows.map((row) => unsettledMessage(row.id, parsed(row.result), row.channel_message_sid));
  }

  async markChecked(message: UnsettledMessage, at: Date): Promise<void> {
    await this.db.query(
      `INSERT INTO message_delivery (message_sid, request_id, status, updated_at, checked_at) VALUES ($1, $2, 'accepted', $3, $3)
       ON CONFLICT (message_sid) DO UPDATE SET checked_at = $3`,
      [message.messageSid, message.requestId, at],
    );
  }

  async claimReconciliationRun(now: Date, until: Date): Promise<boolean> {
    const claimed = await this.db.query(
      `UPDATE delivery_reconciliation SET next_run_at = $2 WHERE id = 'reconcile' AND next_run_at <= $1 RETURNING id`,
      [now, until],
    );
    return claimed.length === 1;
  }

  /** The deliveries of these requests' messages, by request id (none yet: not in the map). */
  async ofRequests(requestIds: readonly string[]): Promise<Map<string, MessageDelivery>> {
    if (requestIds.length === 0) return new Map();
    const rows = await this.db.query<DeliveryRow>(`SELECT * FROM message_delivery WHERE request_id ${isAnyOf(this.db.dialect, '$1')}`, [
      [...requestIds],
    ]);
    return new Map(rows.map((row) => [row.request_id, toDelivery(row)]));
  }

  /** Every status the request's message was reported at, in the order they were heard. */
  async historyOf(requestId: string): Promise<DeliveryEvent[]> {
    const rows = await this.db.query<{
      status: DeliveryStatus;
      error_code: number | null;
      error_message: string | null;
      source: DeliveryEvent['source'];
      reported_at: Date;
      recorded_at: Date;
    }>(
      `SELECT e.status, e.error_code, e.error_message, e.source, e.reported_at, e.recorded_at FROM message_delivery_event e
       JOIN message_delivery d ON d.message_sid = e.message_sid WHERE d.request_id = $1 ORDER BY e.recorded_at, e.reported_at`,
      [requestId],
    );
    return rows.map((row) => ({
      status: row.status,
      errorCode: row.error_code,
      errorMessage: row.error_message,
      source: row.source,
      reportedAt: row.reported_at,
      recordedAt: row.recorded_at,
    }));
  }
}

async function current(tx: Queryable, report: DeliveryReport): Promise<MessageDelivery> {
  if (report.channelMessageSid) {
    await tx.query('UPDATE message_delivery SET channel_message_sid = $2 WHERE message_sid = $1 AND channel_message_sid IS NULL', [
      report.messageSid,
      report.channelMessageSid,
    ]);
  }
  const [row] = await tx.query<DeliveryRow>('SELECT * FROM message_delivery WHERE message_sid = $1', [report.messageSid]);
  return toDelivery(row);
}

/** A delivery change as OutboundEvents and the system callbacks tell it. */
export function deliveryEvent(delivery: MessageDelivery): OutboundEvent {
  return {
    kind: 'delivery',
    requestId: delivery.requestId,
    messageSid: delivery.messageSid,
    status: delivery.status,
    errorCode: delivery.errorCode,
    at: delivery.updatedAt,
  };
}

function toDelivery(row: DeliveryRow): MessageDelivery {
  return {
    requestId: row.request_id,
    messageSid: row.message_sid,
    channelMessageSid: row.channel_message_sid,
    status: row.status,
    errorCode: row.error_code === null ? null : Number(row.error_code),
    errorMessage: row.error_message,
    updatedAt: row.updated_at,
  };
}

interface SentResult {
  mode?: OutboundMode;
  message?: { sid?: string };
  conversation?: { sid?: string };
  proxySession?: { sid?: string };
}

function parsed(result: unknown): SentResult {
  return (typeof result === 'string' ? JSON.parse(result) : (result ?? {})) as SentResult;
}

function unsettledMessage(requestId: string, result: SentResult, channelMessageSid: string | null): UnsettledMessage {
  return {
    requestId,
    messageSid: result.message?.sid as string,
    // Results journaled before the mode was renamed say 'legacy'; any mode but Conversations is Chat + Proxy.
    mode: result.mode === 'conversations' ? 'conversations' : 'chat-proxy',
    conversationSid: result.conversation?.sid ?? null,
    proxySessionSid: result.proxySession?.sid ?? null,
    channelMessageSid,
  };
}
