import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { SqlUserStore } from './sql-user-store';
import { UsersService } from './users.service';

const logger = new Logger('Users');

/**
 * On a start with no console users at all, creates the first admin: from ADMIN_USERNAME/ADMIN_PASSWORD, or the
 * sandbox's demo admin. Never touches existing users, so changing the variables later resets no password.
 */
@Injectable()
export class InitialAdmin implements OnApplicationBootstrap {
  constructor(
    private readonly config: AppConfig,
    private readonly store: SqlUserStore,
    private readonly users: UsersService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if ((await this.store.count()) > 0) return;
    const admin = this.config.auth.initialAdmin;
    if (!admin) {
      logger.warn('No console users: set ADMIN_USERNAME and ADMIN_PASSWORD for a first admin, or create one with POST /api/v1/users and the bootstrap API key.');
      return;
    }
    await this.users.create({ username: admin.username, password: admin.password, role: 'admin' }).catch((error: unknown) => {
      // Another instance starting at the same moment created it first.
      if ((error as { code?: string }).code !== 'USERNAME_TAKEN') throw error;
    });
    logger.log(`Created the first console admin "${admin.username}"${admin.demo ? ' (the sandbox demo admin)' : ''}`);
  }
}
