import { Inject, Injectable } from '@nestjs/common';
import type { Clock } from '@flex-sms/domain';
import { randomUUID } from 'node:crypto';
import { AUTH_CLOCK } from '../auth/auth.tokens';
import type { Role } from '../auth/caller';
import { hashSecret } from '../auth/secret-hash';
import { ApiException } from '../common/api-exception';
import { SqlSessionStore } from '../sessions/sql-session-store';
import type { ConsoleUser } from './console-user';
import { SqlUserStore } from './sql-user-store';

export interface NewUser {
  username: string;
  password: string;
  role: Role;
}

export interface UserChange {
  role?: Role;
  password?: string;
}

/** Managing console users (admins only). A new password signs the user out everywhere. */
@Injectable()
export class UsersService {
  constructor(
    private readonly users: SqlUserStore,
    private readonly sessions: SqlSessionStore,
    @Inject(AUTH_CLOCK) private readonly clock: Clock,
  ) {}

  async create(request: NewUser): Promise<ConsoleUser> {
    const now = new Date(this.clock.now());
    const user: ConsoleUser = {
      id: `usr_${randomUUID().replace(/-/g, '').slice(0, 24)}`,
      username: request.username,
      role: request.role,
      createdAt: now,
      updatedAt: now,
    };
    if (!(await this.users.insert(user, await hashSecret(request.password)))) {
      throw new ApiException(409, 'USERNAME_TAKEN', `The username ${request.username} is taken.`, { context: { username: request.username } });
    }
    return user;
  }

  list(): Promise<ConsoleUser[]> {
    return this.users.list();
  }

  async update(id: string, change: UserChange): Promise<ConsoleUser> {
    const current = await this.existing(id);
    if (change.role === 'operator' && current.role === 'admin') await this.refuseLastAdmin(id, 'demote');
    const passwordHash = change.password === undefined ? undefined : await hashSecret(change.password);
    const updated = await this.users.update(id, { role: change.role, passwordHash }, new Date(this.clock.now()));
    if (!updated) throw notFound(id);
    if (passwordHash) await this.sessions.deleteForUser(id);
    return updated;
  }

  async delete(id: string): Promise<void> {
    const current = await this.existing(id);
    if (current.role === 'admin') await this.refuseLastAdmin(id, 'delete');
    if (!(await this.users.delete(id))) throw notFound(id);
  }

  private async existing(id: string): Promise<ConsoleUser> {
    const user = await this.users.get(id);
    if (!user) throw notFound(id);
    return user;
  }

  private async refuseLastAdmin(id: string, action: 'demote' | 'delete'): Promise<void> {
    if ((await this.users.countOtherAdmins(id)) > 0) return;
    throw new ApiException(409, 'LAST_ADMIN', `Cannot ${action} the last admin: make another user admin first.`, { context: { userId: id } });
  }
}

function notFound(id: string): ApiException {
  return new ApiException(404, 'USER_NOT_FOUND', `User ${id} was not found.`, { context: { userId: id } });
}
