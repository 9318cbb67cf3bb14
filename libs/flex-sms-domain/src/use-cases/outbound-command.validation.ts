import { InvalidInput } from '../errors';
import { PhoneNumber } from '../value-objects/phone-number.value-object';

/** Twilio's longest SMS body (10 segments); Proxy cannot relay more. */
export const MAX_SMS_BODY_LENGTH = 1600;

/** Chat user friendly names and task `name` are shown to agents; Chat caps friendly names at 256. */
export const MAX_NAME_LENGTH = 256;

export interface OutboundParties {
  fromNumber: PhoneNumber;
  toNumber: PhoneNumber;
  toName: string;
}

/** The fields both flows share, checked before anything is journaled or sent. */
export function parseParties(command: { fromNumber: string; toNumber: string; toName: string }): OutboundParties {
  const fromNumber = PhoneNumber.parse(command.fromNumber, { field: 'fromNumber' });
  const toNumber = PhoneNumber.parse(command.toNumber, { field: 'toNumber' });
  if (fromNumber.equals(toNumber)) throw new InvalidInput('toNumber', 'must differ from fromNumber');
  return { fromNumber, toNumber, toName: requireText('toName', command.toName, MAX_NAME_LENGTH) };
}

export function requireText(field: string, value: unknown, maxLength: number): string {
  if (typeof value !== 'string' || value.trim() === '') throw new InvalidInput(field, 'is required');
  const text = value.trim();
  if (text.length > maxLength) throw new InvalidInput(field, `must be at most ${maxLength} characters`, { length: text.length });
  return text;
}

export function optionalText(field: string, value: unknown, maxLength: number): string | undefined {
  return value === undefined || value === null || value === '' ? undefined : requireText(field, value, maxLength);
}
