import { PhoneNumber } from '@flex-sms/domain';
import { ValidateBy, ValidationArguments, ValidationOptions, buildMessage } from 'class-validator';

/** E.164: a plus, the country code, the subscriber number; 15 digits at most, no spaces or punctuation. */
const E164 = /^\+[1-9]\d{1,14}$/;

/** The number in E.164 when `value` is one libphonenumber-js accepts as possible, else undefined (read as the domain reads it, once). */
export function toE164(value: unknown): string | undefined {
  if (typeof value !== 'string' || !E164.test(value)) return undefined;
  return PhoneNumber.tryParse(value)?.e164;
}

/** A phone number in E.164 format (`+15551234567`) with a possible length for its country (libphonenumber-js). */
export function IsE164PhoneNumber(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isE164PhoneNumber',
      validator: {
        validate: (value) => toE164(value) !== undefined,
        defaultMessage: buildMessage((prefix) => `${prefix}$property must be a phone number in E.164 format, e.g. +15551234567`, options),
      },
    },
    options,
  );
}

/** A messaging address: a number in E.164 (SMS), or `whatsapp:` followed by one (WhatsApp, as Twilio writes it). */
export function IsMessagingAddress(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isMessagingAddress',
      validator: {
        validate: (value) => toE164(typeof value === 'string' ? value.replace(/^whatsapp:/, '') : value) !== undefined,
        defaultMessage: buildMessage(
          (prefix) => `${prefix}$property must be a number in E.164 format (+15551234567), or whatsapp: followed by one`,
          options,
        ),
      },
    },
    options,
  );
}

/** This number must not be the same as the one in `otherProperty` (texting yourself through Proxy cannot work). */
export function DiffersFromNumber(otherProperty: string, options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'differsFromNumber',
      constraints: [otherProperty],
      validator: {
        validate: (value, args?: ValidationArguments) => {
          const mine = toE164(value);
          const other = toE164((args?.object as Record<string, unknown>)[otherProperty]);
          return mine === undefined || other === undefined || mine !== other;
        },
        defaultMessage: buildMessage((prefix) => `${prefix}$property must differ from $constraint1`, options),
      },
    },
    options,
  );
}
