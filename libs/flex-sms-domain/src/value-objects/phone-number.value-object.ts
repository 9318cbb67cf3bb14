import { parsePhoneNumberFromString } from 'libphonenumber-js';
import { InvalidPhoneNumber } from '../errors';

/**
 * A phone number in E.164 (`+15551234567`). Flex Flow ContactIdentity, Proxy identifiers and the request all
 * compare through this, so "+1 (555) 123-4567" and "+15551234567" are the same number.
 */
export class PhoneNumber {
  private constructor(readonly e164: string) {}

  /**
   * Reads a number written in any common way. Without a country code the number cannot be placed, so a leading
   * `+` (or `00`) is required unless `defaultCountry` is given.
   */
  static parse(input: string, options: { field?: string; defaultCountry?: string } = {}): PhoneNumber {
    const raw = (input ?? '').trim().replace(/^00/, '+');
    const parsed = raw ? parsePhoneNumberFromString(raw, options.defaultCountry as never) : undefined;
    if (!parsed || !parsed.isPossible()) throw new InvalidPhoneNumber(input, options.field);
    return new PhoneNumber(parsed.number);
  }

  /** Like `parse`, but `undefined` instead of an error (for values read from Twilio, e.g. a ContactIdentity). */
  static tryParse(input: string | null | undefined): PhoneNumber | undefined {
    if (!input) return undefined;
    try {
      return PhoneNumber.parse(input);
    } catch {
      return undefined;
    }
  }

  equals(other: PhoneNumber): boolean {
    return other.e164 === this.e164;
  }

  toString(): string {
    return this.e164;
  }

  toJSON(): string {
    return this.e164;
  }
}
