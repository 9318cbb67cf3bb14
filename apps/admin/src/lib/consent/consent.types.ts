// The consent register as the API shows it (apps/api/src/consent): who may not be texted from which sender.
import { SCHEMA_LIMITS, type Schema } from '../api/wire';

export type OptOut = Schema<'OptOutDto'>;
export type OptOutPage = Schema<'OptOutPageDto'>;
export type ConsentAuditEntry = Schema<'ConsentAuditEntryDto'>;
export type ConsentImportResult = Schema<'ConsentImportResultDto'>;
export type AddOptOutRequest = Schema<'AddOptOutRequestDto'>;

export const MAX_REASON_LENGTH = SCHEMA_LIMITS.AddOptOutRequestDto.reason.maxLength;

/** How an entry came to be, in words. */
export const CONSENT_SOURCE_LABELS: Record<string, string> = {
  'inbound-keyword': 'Customer keyword',
  'twilio-21610': 'Twilio 21610',
  manual: 'Admin',
  import: 'CSV import',
};

/** Where the console downloads the register (the console's proxy forwards it to GET /api/v1/consent/export.csv). */
export const CONSENT_EXPORT_PATH = '/api/v1/consent/export.csv';
