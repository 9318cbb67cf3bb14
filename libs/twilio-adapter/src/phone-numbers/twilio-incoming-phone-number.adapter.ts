import type { IncomingPhoneNumber, IncomingPhoneNumberPort } from '@flex-sms/domain';
import type twilio from 'twilio';
import { callTwilio } from '../errors/twilio-error.mapper';

/** The account's numbers (API 2010 IncomingPhoneNumbers). */
export class TwilioIncomingPhoneNumberAdapter implements IncomingPhoneNumberPort {
  constructor(
    private readonly client: twilio.Twilio,
    private readonly accountSid: string,
  ) {}

  async findIncomingPhoneNumber(e164: string): Promise<IncomingPhoneNumber | null> {
    // Twilio matches PhoneNumber as a pattern (a prefix finds many), so the exact number is picked from the answer.
    const numbers = await callTwilio({ resource: 'IncomingPhoneNumbers', sid: e164 }, () =>
      this.client.api.v2010.accounts(this.accountSid).incomingPhoneNumbers.list({ phoneNumber: e164, limit: 20 }),
    );
    const number = numbers.find((candidate) => candidate.phoneNumber === e164);
    return number
      ? { sid: number.sid, phoneNumber: number.phoneNumber, friendlyName: number.friendlyName, smsCapable: number.capabilities?.sms !== false }
      : null;
  }
}
