import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { TwilioAccount } from '../twilio/twilio-account';
import { isDemoPassword } from '../users/demo-password';
import { SqlUserStore } from '../users/sql-user-store';
import { DeploymentIdentity, SqlDeploymentRecord } from './deployment-record';

const logger = new Logger('Deployment');

/** The API will not start on this database as configured; the message says why and how to fix it. */
export class DeploymentRefusedError extends Error {
  constructor(readonly reasons: readonly string[]) {
    super(['The API refuses to start on this database:', ...reasons.map((reason) => `  - ${reason}`)].join('\n'));
    this.name = 'DeploymentRefusedError';
  }
}

/**
 * Start-up checks that the database fits the configuration, before anything works on it (an init hook: every
 * application-bootstrap hook, such as crash recovery, runs after all of them). A database belongs to the deployment
 * that first started on it (mode and account SID, recorded in table `deployment`): another one is refused unless
 * ADOPT_DATABASE=true, so a real account never inherits the sandbox's journal, users and keys, nor one account
 * another's. With Twilio credentials, console users who still have the demo admin's public password are refused
 * too: the sandbox created them, and everyone knows how to sign in as them.
 */
@Injectable()
export class DeploymentGate implements OnModuleInit {
  constructor(
    private readonly config: AppConfig,
    private readonly account: TwilioAccount,
    private readonly record: SqlDeploymentRecord,
    private readonly users: SqlUserStore,
  ) {}

  async onModuleInit(): Promise<void> {
    const configured: DeploymentIdentity = { mode: this.account.mode, accountSid: this.account.accountSid };
    const recorded = await this.record.read();
    const reasons: string[] = [];
    if (recorded && !sameDeployment(recorded, configured) && !this.config.adoptDatabase) reasons.push(belongsElsewhere(recorded, configured));
    if (configured.mode === 'twilio') {
      const demoUsers = await this.usersWithDemoPassword();
      if (demoUsers.length > 0) reasons.push(demoPasswordReason(demoUsers));
    }
    if (reasons.length > 0) throw new DeploymentRefusedError(reasons);

    const holding = recorded ?? (await this.record.claim(configured));
    if (sameDeployment(holding, configured)) return;
    // Reached with ADOPT_DATABASE=true, or when another instance, configured otherwise, claimed the database first.
    if (!this.config.adoptDatabase) throw new DeploymentRefusedError([belongsElsewhere(holding, configured)]);
    await this.record.adopt(configured);
    logger.warn(`ADOPT_DATABASE: this database was recorded for ${describe(holding)}; it now belongs to ${describe(configured)}`);
  }

  /**
   * Users whose password is still the demo one, except the one ADMIN_USERNAME names: InitialAdmin gives that one
   * ADMIN_PASSWORD right after these checks, which is the way out this refusal offers.
   */
  private async usersWithDemoPassword(): Promise<string[]> {
    const named = this.config.auth.initialAdmin?.demo === false ? this.config.auth.initialAdmin.username.toLowerCase() : undefined;
    const found: string[] = [];
    // One at a time: each check is a deliberately slow scrypt, and there are few users.
    for (const { user, passwordHash } of await this.users.listCredentials()) {
      if (user.username.toLowerCase() !== named && (await isDemoPassword(passwordHash))) found.push(user.username);
    }
    return found;
  }
}

function sameDeployment(a: DeploymentIdentity, b: DeploymentIdentity): boolean {
  return a.mode === b.mode && a.accountSid === b.accountSid;
}

function describe(identity: DeploymentIdentity): string {
  return identity.mode === 'sandbox' ? `the embedded sandbox (demo account ${identity.accountSid})` : `Twilio account ${identity.accountSid}`;
}

function belongsElsewhere(recorded: DeploymentIdentity, configured: DeploymentIdentity): string {
  return (
    `it belongs to another deployment: it was recorded for ${describe(recorded)}, and this API is configured for ${describe(configured)}. ` +
    'Point DATABASE_URL (or DATA_DIR) at the database of this deployment, or set ADOPT_DATABASE=true to take this one over with its journal, console users and API keys.'
  );
}

function demoPasswordReason(usernames: readonly string[]): string {
  return (
    `console user${usernames.length === 1 ? '' : 's'} ${usernames.map((name) => `"${name}"`).join(', ')} still ${usernames.length === 1 ? 'has' : 'have'} the sandbox demo admin's public password, ` +
    'which signs anyone in against your Twilio account. Start once with ADMIN_USERNAME=<that username> and ADMIN_PASSWORD=<a new password> to replace it ' +
    '(one user per start), or use a database of its own for this deployment.'
  );
}
