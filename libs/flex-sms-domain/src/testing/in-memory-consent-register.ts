import type { ConsentChange, ConsentRecorderPort, ConsentRegisterPort, OptOut } from '../ports/consent-register.port';

/** The consent register's reference behaviour: one opt-out per (recipient, scope), every change in the audit trail. */
export class InMemoryConsentRegister implements ConsentRegisterPort, ConsentRecorderPort {
  readonly optOuts = new Map<string, OptOut>();
  readonly audit: (ConsentChange & { action: 'opt-out' | 'opt-in' })[] = [];

  /** An opt-out set as it stands, with no audit (what a test starts from). */
  optOut(recipient: string, scope: string, source: OptOut['source'] = 'manual', since = new Date()): void {
    this.optOuts.set(key(recipient, scope), { recipient, scope, since, source });
  }

  async optOutOf(recipient: string, scope: string): Promise<OptOut | null> {
    return this.optOuts.get(key(recipient, scope)) ?? null;
  }

  async recordOptOut(change: ConsentChange): Promise<OptOut> {
    this.audit.push({ ...change, action: 'opt-out' });
    const kept = this.optOuts.get(key(change.recipient, change.scope));
    if (kept) return kept;
    const optOut: OptOut = { recipient: change.recipient, scope: change.scope, since: change.at, source: change.source };
    this.optOuts.set(key(change.recipient, change.scope), optOut);
    return optOut;
  }

  async recordOptIn(change: ConsentChange): Promise<boolean> {
    this.audit.push({ ...change, action: 'opt-in' });
    return this.optOuts.delete(key(change.recipient, change.scope));
  }
}

const key = (recipient: string, scope: string) => `${recipient} ${scope}`;
