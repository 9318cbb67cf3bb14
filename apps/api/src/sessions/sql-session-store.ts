import { Inject, Injectable } from '@nestjs/common';
import type { Role } from '../auth/caller';
import { DATABASE, Database } from '../store/database';
import type { ConsoleUser } from '../users/console-user';

export interface ActiveSession {
  user: ConsoleUser;
  expiresAt: Date;
}

/**
 * Console sessions on the API's database (table `console_session`), keyed by a sha256 of the session token: a
 * copy of the table signs nobody in. Sessions live in the database, not in a signed cookie, so signing out (or a
 * password change) ends them at once, on every API instance.
 */
@Injectable()
export class SqlSessionStore {
  constructor(@Inject(DATABASE) private readonly db: Database) {}

  async create(tokenHash: string, userId: string, createdAt: Date, expiresAt: Date): Promise<void> {
    await this.db.query('INSERT INTO console_session (token_hash, user_id, created_at, expires_at) VALUES ($1, $2, $3, $4)', [
      tokenHash,
      userId,
      createdAt,
      expiresAt,
    ]);
  }

  /** The session's user, with the user's current role, unless the session expired. */
  async findActive(tokenHash: string, now: Date): Promise<ActiveSession | undefined> {
    const [row] = await this.db.query<{ id: string; username: string; role: Role; created_at: Date; updated_at: Date; expires_at: Date }>(
      `SELECT u.id, u.username, u.role, u.created_at, u.updated_at, s.expires_at
       FROM console_session s JOIN console_user u ON u.id = s.user_id
       WHERE s.token_hash = $1 AND s.expires_at > $2`,
      [tokenHash, now],
    );
    if (!row) return undefined;
    return {
      user: { id: row.id, username: row.username, role: row.role, createdAt: row.created_at, updatedAt: row.updated_at },
      expiresAt: row.expires_at,
    };
  }

  async delete(tokenHash: string): Promise<void> {
    await this.db.query('DELETE FROM console_session WHERE token_hash = $1', [tokenHash]);
  }

  async deleteForUser(userId: string): Promise<void> {
    await this.db.query('DELETE FROM console_session WHERE user_id = $1', [userId]);
  }

  async deleteExpired(now: Date): Promise<void> {
    await this.db.query('DELETE FROM console_session WHERE expires_at <= $1', [now]);
  }
}
