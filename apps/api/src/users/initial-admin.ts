import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { isDemoPassword } from './demo-password';
import { SqlUserStore } from './sql-user-store';
import { UsersService } from './users.service';

const logger = new Logger('Users');

/**
 * The admin ADMIN_USERNAME/ADMIN_PASSWORD name is created when no user has that name, whoever else exists; the
 * sandbox's demo admin only on a start with no users at all. An existing user's password is never changed by the
 * variables, so editing them later resets nothing, with one exception: a user still on the demo admin's public
 * password gets ADMIN_PASSWORD, which is how a database from the sandbox is made safe for a real account (see
 * DeploymentGate).
 */
@Injectable()
export class InitialAdmin implements OnApplicationBootstrap {
  constructor(
    private readonly config: AppConfig,
    private readonly store: SqlUserStore,
    private readonly users: UsersService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const admin = this.config.auth.initialAdmin;
    if (!admin) {
      if ((await this.store.count()) === 0) {
        logger.warn(
          'No console users: set ADMIN_USERNAME and ADMIN_PASSWORD for a first admin, or create one with POST /api/v1/users and the bootstrap API key.',
        );
      }
      return;
    }
    if (admin.demo && (await this.store.count()) > 0) return;
    const existing = await this.store.findCredential(admin.username);
    if (existing) {
      if (!admin.demo && (await isDemoPassword(existing.passwordHash))) {
        await this.users.update(existing.user.id, { password: admin.password });
        logger.warn(`Replaced the demo admin password of console user "${existing.user.username}" with ADMIN_PASSWORD`);
      }
      return;
    }
    await this.users.create({ username: admin.username, password: admin.password, role: 'admin' }).catch((error: unknown) => {
      // Another instance starting at the same moment created it first.
      if ((error as { code?: string }).code !== 'USERNAME_TAKEN') throw error;
    });
    logger.log(`Created the console admin "${admin.username}"${admin.demo ? ' (the sandbox demo admin)' : ''}`);
  }
}
