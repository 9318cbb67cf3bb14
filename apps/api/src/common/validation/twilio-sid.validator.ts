import { Sid, type SidPrefix } from '@flex-sms/domain';
import { ValidateBy, ValidationOptions, buildMessage } from 'class-validator';

/** A Twilio SID of one resource type: its two-letter prefix (CH, WK, KC…) and 32 hex digits. */
export function IsTwilioSid(prefix: SidPrefix, options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isTwilioSid',
      constraints: [prefix],
      validator: {
        validate: (value) => Sid.isSid(value, prefix),
        defaultMessage: buildMessage((each) => `${each}$property must be a Twilio SID starting with $constraint1 followed by 32 hex digits`, options),
      },
    },
    options,
  );
}
