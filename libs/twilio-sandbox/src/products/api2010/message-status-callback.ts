import { formParams, type TwilioCallback } from '../../callbacks/twilio-callback';
import type { SandboxState } from '../../core/state';
import type { SmsMessage } from './api2010.store';

/**
 * The request to a Message's `StatusCallback` (docs "Track the Message Status of Outbound Messages", Message
 * resource "Twilio's request to the StatusCallback URL"): form-encoded POST on each status change with `MessageSid`,
 * `MessageStatus` and their legacy twins `SmsSid`/`SmsStatus`, `AccountSid`, `From`, `To`, `ApiVersion`; `ErrorCode`
 * when the message failed or was not delivered; `RawDlrDoneDate` (the carrier's done date, YYMMDDhhmm, UTC here)
 * on `delivered` and `undelivered`. Twilio sends one for `queued`, `sent`, then the final status.
 */
export function messageStatusCallback(state: SandboxState, sms: SmsMessage): TwilioCallback | undefined {
  if (!sms.statusCallback || sms.status === 'received') return undefined;
  const done = sms.status === 'delivered' || sms.status === 'undelivered';
  return {
    event: 'api:MessageStatus',
    url: sms.statusCallback,
    method: 'POST',
    orderKey: sms.sid,
    params: formParams({
      AccountSid: state.account.accountSid,
      ApiVersion: '2010-04-01',
      MessageSid: sms.sid,
      SmsSid: sms.sid,
      MessageStatus: sms.status,
      SmsStatus: sms.status,
      From: sms.from,
      To: sms.to,
      ErrorCode: sms.errorCode,
      RawDlrDoneDate: done ? rawDlrDoneDate(sms.dateUpdated) : undefined,
    }),
  };
}

function rawDlrDoneDate(date: Date): string {
  return date.toISOString().replace(/[-:T]/g, '').slice(2, 12);
}
