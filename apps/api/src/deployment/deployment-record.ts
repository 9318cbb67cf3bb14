import { Inject, Injectable } from '@nestjs/common';
import { DATABASE, Database } from '../store/database';

/** Which deployment a database belongs to: the mode the API ran in and the Twilio account it worked on. */
export interface DeploymentIdentity {
  readonly mode: 'sandbox' | 'twilio';
  readonly accountSid: string;
}

/** The database's own record of its deployment (table `deployment`, one name/value row per fact). */
@Injectable()
export class SqlDeploymentRecord {
  constructor(@Inject(DATABASE) private readonly db: Database) {}

  /** What the database was recorded for; undefined on a database no API has claimed yet. */
  async read(): Promise<DeploymentIdentity | undefined> {
    const rows = await this.db.query<{ name: string; value: string }>("SELECT name, value FROM deployment WHERE name IN ('mode', 'account_sid')");
    const value = (name: string) => rows.find((row) => row.name === name)?.value;
    const mode = value('mode');
    const accountSid = value('account_sid');
    return mode && accountSid ? { mode: mode as DeploymentIdentity['mode'], accountSid } : undefined;
  }

  /**
   * Records `identity` unless the database already has a record, and returns the one that holds: two instances
   * starting together on an unclaimed database cannot both win.
   */
  async claim(identity: DeploymentIdentity): Promise<DeploymentIdentity> {
    await this.db.query('INSERT INTO deployment (name, value) VALUES ($1, $2), ($3, $4) ON CONFLICT (name) DO NOTHING', [
      'mode',
      identity.mode,
      'account_sid',
      identity.accountSid,
    ]);
    return (await this.read()) as DeploymentIdentity;
  }

  /** Records `identity` in place of whatever was recorded (ADOPT_DATABASE). */
  async adopt(identity: DeploymentIdentity): Promise<void> {
    await this.db.query('INSERT INTO deployment (name, value) VALUES ($1, $2), ($3, $4) ON CONFLICT (name) DO UPDATE SET value = excluded.value', [
      'mode',
      identity.mode,
      'account_sid',
      identity.accountSid,
    ]);
  }
}
