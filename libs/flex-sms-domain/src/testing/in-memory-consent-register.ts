import type { ConsentRegisterPort, OptOut } from '../ports/consent-register.port';

/** The consent register's reference behaviour for tests: opt-outs kept per (recipient, scope). */
export class InMemoryConsentRegister implements ConsentRegisterPort {
  private readonly optOuts = new Map<string, OptOut>();

  optOut(recipient: string, scope: string, source: OptOut['source'] = 'manual', since = new Date()): void {
    this.optOuts.set(`${recipient}|${scope}`, { recipient, scope, since, source });
  }

  async optOutOf(recipient: string, scope: string): Promise<OptOut | null> {
    return this.optOuts.get(`${recipient}|${scope}`) ?? null;
  }
}
