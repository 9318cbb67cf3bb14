import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { campaignIdempotencyKey } from '@flex-sms/domain';
import type {
  AbandonedClaim,
  Campaign,
  CampaignRecipient,
  CampaignReport,
  CampaignSettings,
  CampaignStatus,
  CampaignStore,
  ClaimedRecipient,
  ErrorRecord,
  NewCampaignRecipient,
  OutboundRequestStatus,
  RecipientOutcome,
  RecipientState,
} from '@flex-sms/domain';
import { DATABASE, Database, PREPARED, SqlDialect } from '../store/database';
import { isAnyOf } from '../store/sql-fragments';

export interface CampaignRow {
  id: string;
  name: string;
  status: CampaignStatus;
  /** '' for a template campaign. */
  body: string;
  channel: 'sms' | 'whatsapp';
  content_sid: string | null;
  senders: string[];
  pacing_per_second: number;
  send_from: string;
  send_until: string;
  start_at: Date | null;
  in_conversation: 'skip' | 'send';
  filtered_stop_threshold: number;
  created_by: string;
  created_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
  report: CampaignReport | null;
  stop_reason: string | null;
  backoff_level: number;
  backoff_until: Date | null;
}

export interface RecipientRow {
  campaign_id: string;
  position: number;
  row_number: number;
  to_number: string;
  to_name: string;
  variables: Record<string, string>;
  from_number: string | null;
  state: RecipientState;
  reason: string | null;
  not_before: Date;
  claimed_by: string | null;
  request_id: string | null;
  error: ErrorRecord | null;
  delivery_status: string | null;
  delivery_error_code: number | null;
  settled_at: Date | null;
}

/** RecipientRow's columns, listed where a statement is prepared (QueryOptions: never `*` there). */
const RECIPIENT_ROW_COLUMNS =
  'campaign_id, position, row_number, to_number, to_name, variables, from_number, state, reason, not_before, claimed_by, request_id, error, delivery_status, delivery_error_code, settled_at';

export function toCampaign(row: CampaignRow): Campaign {
  return {
    id: row.id,
    name: row.name,
    status: row.status,
    body: row.content_sid ? null : row.body,
    channel: row.channel,
    contentSid: row.content_sid,
    senders: row.senders,
    pacingPerSecond: row.pacing_per_second,
    quietHours: { sendFrom: row.send_from, sendUntil: row.send_until },
    startAt: row.start_at,
    inConversation: row.in_conversation,
    filteredStopThreshold: row.filtered_stop_threshold,
    createdBy: row.created_by,
    createdAt: row.created_at,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    // Reports written before the preview existed have none.
    report: row.report ? { ...row.report, preview: row.report.preview ?? [] } : null,
    stopReason: row.stop_reason,
    backoffLevel: row.backoff_level,
    backoffUntil: row.backoff_until,
  };
}

export function toRecipient(row: RecipientRow): CampaignRecipient {
  return {
    campaignId: row.campaign_id,
    position: row.position,
    row: row.row_number,
    toNumber: row.to_number,
    toName: row.to_name,
    variables: row.variables,
    fromNumber: row.from_number,
    state: row.state,
    reason: row.reason,
    notBefore: row.not_before,
    requestId: row.request_id,
    error: row.error,
    deliveryStatus: row.delivery_status,
    deliveryErrorCode: row.delivery_error_code,
    settledAt: row.settled_at,
  };
}

/** What cannot be portable: reading a JSON batch as rows, and row locks (SQLite's one writer needs none). */
interface Dialect {
  recordset: string;
  /** `$3` as a timestamp where PostgreSQL cannot infer its type (a SELECT list). */
  notBefore: string;
  lockSender: string;
  lockRecipient: string;
}

const RECIPIENT_COLUMNS = `position integer, row_number integer, to_number text, to_name text, variables jsonb, from_number text, state text, reason text`;

const DIALECTS: Record<SqlDialect, Dialect> = {
  postgres: {
    recordset: `SELECT r.position, r.row_number, r.to_number, r.to_name, r.variables, r.from_number, r.state, r.reason FROM jsonb_to_recordset($2::jsonb) AS r(${RECIPIENT_COLUMNS})`,
    notBefore: '$3::timestamptz',
    lockSender: ' FOR UPDATE OF s SKIP LOCKED',
    lockRecipient: ' FOR UPDATE OF r SKIP LOCKED',
  },
  sqlite: {
    recordset: `SELECT r.value ->> 'position', r.value ->> 'row_number', r.value ->> 'to_number', r.value ->> 'to_name', r.value -> 'variables',
                       r.value ->> 'from_number', r.value ->> 'state', r.value ->> 'reason' FROM json_each($2) AS r`,
    notBefore: '$3',
    lockSender: '',
    lockRecipient: '',
  },
};

/** A running campaign not pausing for Twilio's pushback: its pending recipients may be claimed. */
const SENDABLE = `c.status = 'running' AND (c.backoff_until IS NULL OR c.backoff_until <= $1)`;

/**
 * CampaignStore on the API's database (migrations 110, 140, 150). The queue is campaign_recipient itself: a claim locks the
 * sender's campaign_sender row (SKIP LOCKED: another instance takes another sender meanwhile), takes its next
 * pending recipient, marks it `sending` under the instance's id and moves the sender's next slot one interval on,
 * in one transaction, so the pacing holds across instances with nothing but the database.
 */
@Injectable()
export class SqlCampaignStore implements CampaignStore {
  private readonly dialect: Dialect;

  constructor(@Inject(DATABASE) private readonly db: Database) {
    this.dialect = DIALECTS[db.dialect];
  }

  async create(campaign: { settings: CampaignSettings; createdBy: string; createdAt: Date }): Promise<string> {
    const id = randomUUID();
    const s = campaign.settings;
    await this.db.transaction(async (tx) => {
      await tx.query(
        `INSERT INTO campaign (id, name, status, body, senders, pacing_per_second, send_from, send_until, start_at, in_conversation,
                               filtered_stop_threshold, created_by, created_at, channel, content_sid)
         VALUES ($1, $2, 'preparing', $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
        [
          id,
          s.name,
          s.body ?? '',
          JSON.stringify(s.senders),
          s.pacingPerSecond,
          s.quietHours.sendFrom,
          s.quietHours.sendUntil,
          s.startAt,
          s.inConversation,
          s.filteredStopThreshold,
          campaign.createdBy,
          campaign.createdAt,
          s.channel,
          s.contentSid,
        ],
      );
      for (const sender of s.senders) {
        await tx.query('INSERT INTO campaign_sender (from_number, next_slot_at) VALUES ($1, $2) ON CONFLICT (from_number) DO NOTHING', [
          sender,
          new Date(0),
        ]);
      }
    });
    return id;
  }

  async remove(campaignId: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      await tx.query('DELETE FROM campaign_recipient WHERE campaign_id = $1', [campaignId]);
      await tx.query('DELETE FROM campaign WHERE id = $1', [campaignId]);
    });
  }

  async addRecipients(campaignId: string, recipients: readonly NewCampaignRecipient[]): Promise<void> {
    if (recipients.length === 0) return;
    const [campaign] = await this.db.query<{ created_at: Date; start_at: Date | null }>('SELECT created_at, start_at FROM campaign WHERE id = $1', [
      campaignId,
    ]);
    const rows = recipients.map((r) => ({
      position: r.position,
      row_number: r.row,
      to_number: r.toNumber,
      to_name: r.toName,
      variables: r.variables,
      from_number: r.fromNumber,
      state: r.state,
      reason: r.reason,
    }));
    await this.db.query(
      `INSERT INTO campaign_recipient (campaign_id, position, row_number, to_number, to_name, variables, from_number, state, reason, not_before)
       SELECT $1, batch.*, ${this.dialect.notBefore} FROM (${this.dialect.recordset}) AS batch`,
      [campaignId, JSON.stringify(rows), campaign?.start_at ?? campaign?.created_at ?? new Date()],
    );
  }

  async numbersAlreadyListed(campaignId: string, numbers: readonly string[]): Promise<Map<string, number>> {
    if (numbers.length === 0) return new Map();
    const rows = await this.db.query<{ to_number: string; row_number: number }>(
      `SELECT to_number, min(row_number) AS row_number FROM campaign_recipient
       WHERE campaign_id = $1 AND to_number ${isAnyOf(this.db.dialect, '$2')} AND state NOT IN ('invalid', 'duplicate') GROUP BY to_number`,
      [campaignId, [...numbers]],
    );
    return new Map(rows.map((row) => [row.to_number, row.row_number]));
  }

  async previousSenders(numbers: readonly string[]): Promise<Map<string, string>> {
    if (numbers.length === 0) return new Map();
    const rows = await this.db.query<{ to_number: string; from_number: string }>(
      `SELECT to_number, from_number FROM campaign_recipient WHERE state = 'sent' AND to_number ${isAnyOf(this.db.dialect, '$1')} ORDER BY settled_at`,
      [[...numbers]],
    );
    return new Map(rows.map((row) => [row.to_number, row.from_number]));
  }

  async finishPreparing(campaignId: string, report: CampaignReport, status: CampaignStatus): Promise<void> {
    await this.db.query(
      `UPDATE campaign SET report = $2, status = $3, started_at = CASE WHEN $3 = 'running' THEN created_at ELSE NULL END,
              finished_at = CASE WHEN $3 = 'dry_run' THEN created_at ELSE NULL END
       WHERE id = $1 AND status = 'preparing'`,
      [campaignId, JSON.stringify(report), status],
    );
  }

  async get(campaignId: string): Promise<Campaign | null> {
    const [row] = await this.db.query<CampaignRow>('SELECT * FROM campaign WHERE id = $1', [campaignId]);
    return row ? toCampaign(row) : null;
  }

  async transition(campaignId: string, from: readonly CampaignStatus[], to: CampaignStatus, at: Date, stopReason?: string): Promise<Campaign | null> {
    const finished = to === 'cancelled' || to === 'completed';
    const rows = await this.db.query<CampaignRow>(
      `UPDATE campaign SET status = $3, stop_reason = $4,
              started_at = CASE WHEN $3 = 'running' AND started_at IS NULL THEN $5 ELSE started_at END,
              finished_at = CASE WHEN $6 THEN $5 ELSE finished_at END,
              backoff_level = CASE WHEN $3 = 'running' THEN 0 ELSE backoff_level END,
              backoff_until = CASE WHEN $3 = 'running' THEN NULL ELSE backoff_until END
       WHERE id = $1 AND status ${isAnyOf(this.db.dialect, '$2')} RETURNING *`,
      [campaignId, [...from], to, stopReason ?? null, at, finished],
    );
    return rows[0] ? toCampaign(rows[0]) : null;
  }

  async cancelPending(campaignId: string, at: Date): Promise<void> {
    await this.db.query(`UPDATE campaign_recipient SET state = 'cancelled', settled_at = $2 WHERE campaign_id = $1 AND state = 'pending'`, [
      campaignId,
      at,
    ]);
  }

  async startDue(now: Date): Promise<string[]> {
    const rows = await this.db.query<{ id: string }>(
      `UPDATE campaign SET status = 'running', started_at = $1 WHERE status = 'scheduled' AND start_at <= $1 RETURNING id`,
      [now],
    );
    return rows.map((row) => row.id);
  }

  async anyRunning(): Promise<boolean> {
    return (await this.db.query(`SELECT 1 FROM campaign WHERE status = 'running' LIMIT 1`)).length > 0;
  }

  async claimNext(instanceId: string, now: Date, lookaheadMs: number): Promise<ClaimedRecipient | null> {
    return this.db.transaction(async (tx) => {
      const [sender] = await tx.query<{ from_number: string; next_slot_at: Date }>(
        `SELECT s.from_number, s.next_slot_at FROM campaign_sender s
         WHERE s.next_slot_at <= $2 AND EXISTS (
           SELECT 1 FROM campaign_recipient r JOIN campaign c ON c.id = r.campaign_id
           WHERE r.from_number = s.from_number AND r.state = 'pending' AND r.not_before <= $1 AND ${SENDABLE})
         ORDER BY s.next_slot_at LIMIT 1${this.dialect.lockSender}`,
        [now, new Date(now.getTime() + lookaheadMs)],
      );
      if (!sender) return null;
      // The oldest sendable campaign with work for this sender, then its first such recipient by position, which
      // campaign_recipient_next reads in order: an index step, not a sort of the sender's whole queue.
      const [row] = await tx.query<RecipientRow & { c_pacing: number; c_level: number }>(
        `SELECT r.*, c.pacing_per_second AS c_pacing, c.backoff_level AS c_level FROM campaign_recipient r JOIN campaign c ON c.id = r.campaign_id
         WHERE r.from_number = $2 AND r.state = 'pending' AND r.not_before <= $1
           AND r.campaign_id = (
             SELECT c.id FROM campaign c
             WHERE ${SENDABLE} AND EXISTS (
               SELECT 1 FROM campaign_recipient q
               WHERE q.campaign_id = c.id AND q.from_number = $2 AND q.state = 'pending' AND q.not_before <= $1)
             ORDER BY c.created_at, c.id LIMIT 1)
         ORDER BY r.position LIMIT 1${this.dialect.lockRecipient}`,
        [now, sender.from_number],
      );
      if (!row) return null;
      await tx.query(`UPDATE campaign_recipient SET state = 'sending', claimed_by = $3, claimed_at = $4 WHERE campaign_id = $1 AND position = $2`, [
        row.campaign_id,
        row.position,
        instanceId,
        now,
      ]);
      const slotAt = Math.max(sender.next_slot_at.getTime(), now.getTime());
      const intervalMs = (1000 / row.c_pacing) * 2 ** row.c_level;
      await tx.query('UPDATE campaign_sender SET next_slot_at = $2 WHERE from_number = $1', [sender.from_number, new Date(slotAt + intervalMs)]);
      const [campaign] = await tx.query<CampaignRow>('SELECT * FROM campaign WHERE id = $1', [row.campaign_id]);
      return { campaign: toCampaign(campaign), recipient: toRecipient({ ...row, state: 'sending', claimed_by: instanceId }), slotAt };
    });
  }

  /**
   * Back to the queue, unless the campaign was cancelled while the recipient was claimed: the cancel only reached
   * recipients then pending, so one released afterwards is cancelled here instead of waiting forever. The CASE keeps
   * the column's own (NULL) value rather than a bare NULL: with both branches untyped PostgreSQL reads $3 as text
   * there and refuses the whole statement, which left every released claim `sending` for good.
   */
  async release(campaignId: string, position: number, notBefore: Date): Promise<void> {
    await this.db.query(
      `UPDATE campaign_recipient
          SET state = CASE WHEN c.status = 'cancelled' THEN 'cancelled' ELSE 'pending' END,
              settled_at = CASE WHEN c.status = 'cancelled' THEN $3 ELSE campaign_recipient.settled_at END,
              claimed_by = NULL, claimed_at = NULL, not_before = $3
         FROM campaign c
        WHERE c.id = $1 AND campaign_recipient.campaign_id = $1 AND campaign_recipient.position = $2 AND campaign_recipient.state = 'sending'`,
      [campaignId, position, notBefore],
    );
  }

  async settle(campaignId: string, position: number, outcome: RecipientOutcome, at: Date): Promise<void> {
    const requestId = outcome.state === 'in_conversation' ? null : outcome.requestId;
    const error = outcome.state === 'sent' ? null : JSON.stringify(outcome.error);
    const reason = outcome.state === 'in_conversation' ? outcome.reason : null;
    await this.db.query(
      `UPDATE campaign_recipient SET state = $3, request_id = $4, error = $5, reason = coalesce($6, reason), settled_at = $7
       WHERE campaign_id = $1 AND position = $2 AND state = 'sending'`,
      [campaignId, position, outcome.state, requestId, error, reason, at],
    );
  }

  async completeIfDone(campaignId: string, at: Date): Promise<boolean> {
    const rows = await this.db.query<{ id: string }>(
      `UPDATE campaign SET status = 'completed', finished_at = $2
       WHERE id = $1 AND status = 'running'
         AND NOT EXISTS (SELECT 1 FROM campaign_recipient WHERE campaign_id = $1 AND state IN ('pending', 'sending'))
       RETURNING id`,
      [campaignId, at],
    );
    return rows.length > 0;
  }

  async backOff(campaignId: string, until: Date): Promise<void> {
    await this.db.query(
      `UPDATE campaign SET backoff_level = CASE WHEN backoff_level < 6 THEN backoff_level + 1 ELSE 6 END,
              backoff_until = CASE WHEN backoff_until IS NULL OR backoff_until < $2 THEN $2 ELSE backoff_until END
       WHERE id = $1`,
      [campaignId, until],
    );
  }

  async recover(campaignId: string, now: Date): Promise<void> {
    await this.db.query(
      `UPDATE campaign SET backoff_level = backoff_level - 1, backoff_until = NULL
       WHERE id = $1 AND backoff_level > 0 AND (backoff_until IS NULL OR backoff_until <= $2)`,
      [campaignId, now],
    );
  }

  async abandonedClaims(isAlive: (instanceId: string) => Promise<boolean>, limit: number): Promise<AbandonedClaim[]> {
    const owners = await this.db.query<{ claimed_by: string }>(`SELECT DISTINCT claimed_by FROM campaign_recipient WHERE state = 'sending'`);
    const dead: string[] = [];
    for (const { claimed_by } of owners) if (!(await isAlive(claimed_by))) dead.push(claimed_by);
    if (dead.length === 0) return [];
    const rows = await this.db.query<RecipientRow & { created_by: string }>(
      `SELECT r.*, c.created_by FROM campaign_recipient r JOIN campaign c ON c.id = r.campaign_id
       WHERE r.state = 'sending' AND r.claimed_by ${isAnyOf(this.db.dialect, '$1')} LIMIT $2`,
      [dead, limit],
    );
    const claims: AbandonedClaim[] = [];
    for (const row of rows) {
      // The send was journaled under the campaign creator's name (index of migration 040: caller, key, time).
      const [request] = await this.db.query<{ id: string; status: OutboundRequestStatus; error: ErrorRecord | null }>(
        `SELECT id, status, error FROM outbound_request WHERE caller = $1 AND idempotency_key = $2 ORDER BY started_at DESC LIMIT 1`,
        [row.created_by, campaignIdempotencyKey(row.campaign_id, row.position)],
      );
      claims.push({ recipient: toRecipient(row), request: request ?? null });
    }
    return claims;
  }

  /** One prepared statement: every delivery status callback runs it, for a campaign's send or any other. */
  async recordDelivery(requestId: string, status: string, errorCode: number | null): Promise<CampaignRecipient | null> {
    const [row] = await this.db.query<RecipientRow>(
      `UPDATE campaign_recipient SET delivery_status = $2, delivery_error_code = coalesce($3, delivery_error_code) WHERE request_id = $1
       RETURNING ${RECIPIENT_ROW_COLUMNS}`,
      [requestId, status, errorCode],
      PREPARED,
    );
    return row ? toRecipient(row) : null;
  }

  async countDeliveryErrors(campaignId: string, fromNumber: string, errorCode: number): Promise<number> {
    const [row] = await this.db.query<{ n: number }>(
      'SELECT count(*) AS n FROM campaign_recipient WHERE campaign_id = $1 AND from_number = $2 AND delivery_error_code = $3',
      [campaignId, fromNumber, errorCode],
    );
    return row?.n ?? 0;
  }

  async countsByState(campaignId: string): Promise<Partial<Record<RecipientState, number>>> {
    const rows = await this.db.query<{ state: RecipientState; n: number }>(
      'SELECT state, count(*) AS n FROM campaign_recipient WHERE campaign_id = $1 GROUP BY state',
      [campaignId],
    );
    return Object.fromEntries(rows.map((row) => [row.state, row.n]));
  }
}
