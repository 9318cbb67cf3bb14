import { parsePhoneNumberFromString } from 'libphonenumber-js';
import { InvalidPhoneNumber } from '../errors';

/**
 * Numbers already read, by what was written and the default country: each send reads its two numbers several times
 * (validation, the use case, the Flex Flow look-up, which reads every flow's number), and libphonenumber-js's parse
 * costs tens of microseconds each time. Bounded: the oldest entry goes first.
 */
const READ = new Map<string, PhoneNumber | null>();
const MAX_READ = 10_000;

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
    const number = PhoneNumber.read(input, options.defaultCountry);
    if (!number) throw new InvalidPhoneNumber(input, options.field);
    return number;
  }

  /** Like `parse`, but `undefined` instead of an error (for values read from Twilio, e.g. a ContactIdentity). */
  static tryParse(input: string | null | undefined): PhoneNumber | undefined {
    if (!input) return undefined;
    return PhoneNumber.read(input) ?? undefined;
  }

  private static read(input: string, defaultCountry?: string): PhoneNumber | null {
    const key = defaultCountry ? `${defaultCountry} ${input}` : input;
    const known = READ.get(key);
    if (known !== undefined) return known;
    const raw = (input ?? '').trim().replace(/^00/, '+');
    const parsed = raw ? parsePhoneNumberFromString(raw, defaultCountry as never) : undefined;
    const number = parsed?.isPossible() ? new PhoneNumber(parsed.number) : null;
    if (READ.size >= MAX_READ) READ.delete(READ.keys().next().value as string);
    READ.set(key, number);
    return number;
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
