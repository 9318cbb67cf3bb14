import { Inject, Injectable } from '@nestjs/common';
import type { ConsentChange, ConsentRecorderPort, ConsentRegisterPort, ConsentSource, OptOut } from '@flex-sms/domain';
import { DATABASE, Database, PREPARED, Queryable } from '../store/database';

export interface OptOutEntry extends OptOut {
  readonly actor: string;
  readonly reason: string | null;
}

export interface ConsentAuditEntry extends ConsentChange {
  readonly id: number;
  readonly action: 'opt-out' | 'opt-in';
}

export interface OptOutPage {
  items: OptOutEntry[];
  page: number;
  pageSize: number;
  total: number;
}

interface OptOutRow {
  recipient: string;
  scope: string;
  since: Date;
  source: ConsentSource;
  actor: string;
  reason: string | null;
}

interface AuditRow extends Omit<OptOutRow, 'since'> {
  id: number;
  action: 'opt-out' | 'opt-in';
  at: Date;
}

const OPT_OUT_COLUMNS = 'recipient, scope, since, source, actor, reason';

/**
 * The consent register on the API's database (tables consent_opt_out, consent_audit; migration 080). A change and its
 * audit row are one transaction: the trail never misses a change, nor shows one that did not happen.
 */
@Injectable()
export class SqlConsentRegister implements ConsentRegisterPort, ConsentRecorderPort {
  constructor(@Inject(DATABASE) private readonly db: Database) {}

  async optOutOf(recipient: string, scope: string): Promise<OptOut | null> {
    const [row] = await this.db.query<OptOutRow>(
      `SELECT ${OPT_OUT_COLUMNS} FROM consent_opt_out WHERE recipient = $1 AND scope = $2`,
      [recipient, scope],
      PREPARED,
    );
    return row ? toOptOut(row) : null;
  }

  async recordOptOut(change: ConsentChange): Promise<OptOutEntry> {
    return this.db.transaction(async (tx) => {
      await audit(tx, 'opt-out', change);
      await tx.query(`INSERT INTO consent_opt_out (${OPT_OUT_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (recipient, scope) DO NOTHING`, [
        change.recipient,
        change.scope,
        change.at,
        change.source,
        change.actor,
        change.reason,
      ]);
      const [row] = await tx.query<OptOutRow>(`SELECT ${OPT_OUT_COLUMNS} FROM consent_opt_out WHERE recipient = $1 AND scope = $2`, [
        change.recipient,
        change.scope,
      ]);
      return toOptOut(row);
    });
  }

  async recordOptIn(change: ConsentChange): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      await audit(tx, 'opt-in', change);
      return (
        (await tx.query('DELETE FROM consent_opt_out WHERE recipient = $1 AND scope = $2 RETURNING recipient', [change.recipient, change.scope]))
          .length === 1
      );
    });
  }

  /** Opt-outs newest first; `number` matches any part of the recipient's number. */
  async list(query: { number?: string; scope?: string; offset: number; page: number; pageSize: number }): Promise<OptOutPage> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (query.number) {
      params.push(query.number);
      where.push(`recipient LIKE '%' || $${params.length} || '%'`);
    }
    if (query.scope) {
      params.push(query.scope);
      where.push(`scope = $${params.length}`);
    }
    const filter = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
    const [{ count }] = await this.db.query<{ count: number }>(`SELECT count(*) AS count FROM consent_opt_out ${filter}`, params);
    const rows = await this.db.query<OptOutRow>(
      `SELECT ${OPT_OUT_COLUMNS} FROM consent_opt_out ${filter} ORDER BY since DESC, recipient, scope LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, query.pageSize, query.offset],
    );
    return { items: rows.map(toOptOut), page: query.page, pageSize: query.pageSize, total: Number(count) };
  }

  /** Every change for the recipient, oldest first. */
  async auditOf(recipient: string): Promise<ConsentAuditEntry[]> {
    const rows = await this.db.query<AuditRow>(
      'SELECT id, recipient, scope, action, source, actor, reason, at FROM consent_audit WHERE recipient = $1 ORDER BY id',
      [recipient],
    );
    return rows.map((row) => ({
      id: Number(row.id),
      recipient: row.recipient,
      scope: row.scope,
      action: row.action,
      source: row.source,
      actor: row.actor,
      reason: row.reason,
      at: row.at,
    }));
  }

  /** Every opt-out, `batchSize` rows at a time (keyset paging: an export does not hold the database for its length). */
  async *each(batchSize = 500): AsyncGenerator<OptOutEntry> {
    let after: [string, string] | undefined;
    for (;;) {
      const rows = await this.db.query<OptOutRow>(
        after
          ? `SELECT ${OPT_OUT_COLUMNS} FROM consent_opt_out WHERE recipient > $1 OR (recipient = $1 AND scope > $2) ORDER BY recipient, scope LIMIT $3`
          : `SELECT ${OPT_OUT_COLUMNS} FROM consent_opt_out ORDER BY recipient, scope LIMIT $1`,
        after ? [...after, batchSize] : [batchSize],
      );
      for (const row of rows) yield toOptOut(row);
      if (rows.length < batchSize) return;
      const last = rows[rows.length - 1];
      after = [last.recipient, last.scope];
    }
  }
}

async function audit(tx: Queryable, action: 'opt-out' | 'opt-in', change: ConsentChange): Promise<void> {
  await tx.query('INSERT INTO consent_audit (recipient, scope, action, source, actor, reason, at) VALUES ($1, $2, $3, $4, $5, $6, $7)', [
    change.recipient,
    change.scope,
    action,
    change.source,
    change.actor,
    change.reason,
    change.at,
  ]);
}

function toOptOut(row: OptOutRow): OptOutEntry {
  return { recipient: row.recipient, scope: row.scope, since: row.since, source: row.source, actor: row.actor, reason: row.reason };
}
