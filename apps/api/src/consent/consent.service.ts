import { Injectable } from '@nestjs/common';
import { OptOutNotFound, systemClock, type ConsentSource } from '@flex-sms/domain';
import type { Readable } from 'node:stream';
import { Caller, callerReference } from '../auth/caller';
import { CallerDirectory } from '../auth/caller-directory';
import { pageOf } from '../common/paging.query.dto';
import { readConsentCsv } from './consent-csv';
import type { ConsentEntry } from './consent-entry';
import type { ConsentImportResultDto } from './dto/consent.response.dto';
import { SqlConsentRegister, type ConsentAuditEntry, type OptOutEntry, type OptOutPage } from './sql-consent-register';

/** An import lists this many bad rows at most; it counts them all. */
export const MAX_LISTED_IMPORT_ERRORS = 100;

/** What an admin does with the register (the consent routes and the console's Consent page). */
@Injectable()
export class ConsentService {
  constructor(
    private readonly register: SqlConsentRegister,
    private readonly callers: CallerDirectory,
  ) {}

  list(query: { number?: string; scope?: string; page?: number; pageSize?: number }): Promise<OptOutPage> {
    return this.register.list({ number: query.number, scope: query.scope, ...pageOf(query) });
  }

  add(caller: Caller, entry: ConsentEntry): Promise<OptOutEntry> {
    return this.record(caller, entry, 'manual');
  }

  async remove(caller: Caller, recipient: string, scope: string, reason: string): Promise<void> {
    // Checked first, so the trail shows no opt-in for an opt-out that was never there (a mistyped number).
    if (!(await this.register.optOutOf(recipient, scope))) throw new OptOutNotFound(recipient, scope);
    await this.register.recordOptIn({ recipient, scope, source: 'manual', actor: callerReference(caller), reason, at: new Date(systemClock.now()) });
  }

  async auditOf(recipient: string): Promise<(ConsentAuditEntry & { actorName: string | null })[]> {
    const entries = await this.register.auditOf(recipient);
    const names = await this.callers.namesOf(entries.map((entry) => entry.actor));
    return entries.map((entry) => ({ ...entry, actorName: entry.actor === 'twilio' ? 'Twilio' : (names.get(entry.actor) ?? null) }));
  }

  /** Rows are recorded as they arrive, each on its own: a bad row is reported, the good ones stay recorded. */
  async import(caller: Caller, csv: Readable): Promise<ConsentImportResultDto> {
    const result: ConsentImportResultDto = { imported: 0, errors: [], rejected: 0, complete: true };
    for await (const row of readConsentCsv(csv)) {
      if ('problems' in row) {
        if (row.unreadable) result.complete = false;
        else result.rejected += 1;
        if (row.unreadable || result.errors.length < MAX_LISTED_IMPORT_ERRORS) result.errors.push({ row: row.line, details: row.problems });
        continue;
      }
      await this.record(caller, row.entry, 'import');
      result.imported += 1;
    }
    return result;
  }

  each(): AsyncGenerator<OptOutEntry> {
    return this.register.each();
  }

  private record(caller: Caller, entry: ConsentEntry, source: ConsentSource): Promise<OptOutEntry> {
    return this.register.recordOptOut({ ...entry, source, actor: callerReference(caller), at: new Date(systemClock.now()) });
  }
}
