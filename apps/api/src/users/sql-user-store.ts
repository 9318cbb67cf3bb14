import { Inject, Injectable } from '@nestjs/common';
import type { Role } from '../auth/caller';
import { DATABASE, Database } from '../store/database';
import type { ConsoleUser } from './console-user';

interface UserRow {
  id: string;
  username: string;
  role: Role;
  created_at: Date;
  updated_at: Date;
}

const COLUMNS = 'id, username, role, created_at, updated_at';

/** Console users on the API's database (table `console_user`). The hash is read only by `findCredential`. */
@Injectable()
export class SqlUserStore {
  constructor(@Inject(DATABASE) private readonly db: Database) {}

  /** False when the username is taken (whatever its case). */
  async insert(user: ConsoleUser, passwordHash: string): Promise<boolean> {
    const rows = await this.db.query(
      `INSERT INTO console_user (id, username, password_hash, role, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $5)
       ON CONFLICT (lower(username)) DO NOTHING RETURNING id`,
      [user.id, user.username, passwordHash, user.role, user.createdAt],
    );
    return rows.length === 1;
  }

  async list(): Promise<ConsoleUser[]> {
    return (await this.db.query<UserRow>(`SELECT ${COLUMNS} FROM console_user ORDER BY lower(username)`)).map(toUser);
  }

  async get(id: string): Promise<ConsoleUser | undefined> {
    const [row] = await this.db.query<UserRow>(`SELECT ${COLUMNS} FROM console_user WHERE id = $1`, [id]);
    return row ? toUser(row) : undefined;
  }

  async findCredential(username: string): Promise<{ user: ConsoleUser; passwordHash: string } | undefined> {
    const [row] = await this.db.query<UserRow & { password_hash: string }>(
      `SELECT ${COLUMNS}, password_hash FROM console_user WHERE lower(username) = lower($1)`,
      [username],
    );
    return row ? { user: toUser(row), passwordHash: row.password_hash } : undefined;
  }

  /** Every user with their password hash, for start-up checks (see deployment/deployment-gate.ts). */
  async listCredentials(): Promise<{ user: ConsoleUser; passwordHash: string }[]> {
    const rows = await this.db.query<UserRow & { password_hash: string }>(
      `SELECT ${COLUMNS}, password_hash FROM console_user ORDER BY lower(username)`,
    );
    return rows.map((row) => ({ user: toUser(row), passwordHash: row.password_hash }));
  }

  async count(): Promise<number> {
    const [{ count }] = await this.db.query<{ count: number }>('SELECT count(*) AS count FROM console_user');
    return Number(count);
  }

  async update(id: string, change: { role?: Role; passwordHash?: string }, at: Date): Promise<ConsoleUser | undefined> {
    const [row] = await this.db.query<UserRow>(
      `UPDATE console_user SET role = COALESCE($2, role), password_hash = COALESCE($3, password_hash), updated_at = $4 WHERE id = $1 RETURNING ${COLUMNS}`,
      [id, change.role ?? null, change.passwordHash ?? null, at],
    );
    return row ? toUser(row) : undefined;
  }

  /** Deletes the user (and, by cascade, their sessions); false when there was none. */
  async delete(id: string): Promise<boolean> {
    return (await this.db.query('DELETE FROM console_user WHERE id = $1 RETURNING id', [id])).length === 1;
  }

  /** Admins other than `exceptId`: demoting or deleting the last admin would lock everyone out of the console. */
  async countOtherAdmins(exceptId: string): Promise<number> {
    const [{ count }] = await this.db.query<{ count: number }>(`SELECT count(*) AS count FROM console_user WHERE role = 'admin' AND id <> $1`, [
      exceptId,
    ]);
    return Number(count);
  }
}

function toUser(row: UserRow): ConsoleUser {
  return { id: row.id, username: row.username, role: row.role, createdAt: row.created_at, updatedAt: row.updated_at };
}
