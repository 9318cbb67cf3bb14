import { InvalidInput } from '../errors';
import { PhoneNumber } from '../value-objects/phone-number.value-object';

/** An `sms` flow's address is a phone number, kept in E.164 so the outbound flows find it; others are taken as given. */
export function readContactIdentity(value: string, channelType: string, field: string): string {
  if (channelType === 'sms') return PhoneNumber.parse(value, { field }).e164;
  const trimmed = (value ?? '').trim();
  if (!trimmed) throw new InvalidInput(field, 'is required');
  return trimmed;
}
