import { DomainError } from '../errors';
import type { ErrorRecord } from '../ports/journal.port';

/** An error as a job records it: the domain's code and message, and Twilio's code when there was one. */
export function describeError(error: unknown): ErrorRecord {
  if (error instanceof DomainError) {
    return { code: error.code, message: error.message, ...(error.twilioCode !== undefined ? { twilioCode: error.twilioCode } : {}), details: error.details };
  }
  return { code: 'UNEXPECTED_ERROR', message: error instanceof Error ? error.message : String(error) };
}
