import type { StateRef } from '../../core/state';
import { found } from '../../http/lookup';
import { legacyListPage } from '../../http/paging';
import { created, noContent, ok, type Route } from '../../http/route';
import { serializeContext } from '../../http/serialize-context';
import { TwilioError } from '../../http/twilio-error';
import { recordSms } from './messages.service';
import { serializeIncomingPhoneNumber, serializeSmsMessage } from './api2010.serializers';

const E164 = /^\+[1-9]\d{6,14}$/;

/** API 2010: Messages and IncomingPhoneNumbers (list, fetch, release) of the account (the account SID check happens in the server). */
export function api2010Routes(ref: StateRef): Route[] {
  return [
    {
      method: 'GET',
      pattern: '/api/2010-04-01/Accounts/:AccountSid/Messages.json',
      handler: (request) => {
        const state = ref.current;
        const to = request.query.string('To');
        const from = request.query.string('From');
        // `DateSent<=2026-11-24` (the name is `DateSent<`) means on or before that day, the whole day included.
        const sentOn = request.query.date('DateSent');
        const sentBefore = request.query.date('DateSent<', 'until');
        const sentAfter = request.query.date('DateSent>');
        const sameDay = (a: Date, b: Date) => a.toISOString().slice(0, 10) === b.toISOString().slice(0, 10);
        // API 2010 lists messages newest first.
        const messages = state.api.messages
          .filter(
            (message) =>
              (to === undefined || message.to === to) &&
              (from === undefined || message.from === from) &&
              (!sentOn || sameDay(message.dateSent, sentOn)) &&
              (!sentBefore || message.dateSent <= sentBefore) &&
              (!sentAfter || message.dateSent >= sentAfter),
          )
          .reverse();
        const ctx = serializeContext(state, request);
        return ok(legacyListPage(request, messages, { key: 'messages', serialize: (message) => serializeSmsMessage(message, ctx), sequenceOf: (sid) => state.api.messages.sequenceOf(sid), descending: true }));
      },
    },
    {
      method: 'POST',
      pattern: '/api/2010-04-01/Accounts/:AccountSid/Messages.json',
      handler: (request) => {
        const state = ref.current;
        const params = request.params;
        const to = params.required('To');
        const from = params.required('From');
        const body = params.required('Body');
        if (!E164.test(to)) throw new TwilioError(400, 21211, `The 'To' number ${to} is not a valid phone number.`);
        if (!state.api.isOwnNumber(from)) {
          throw new TwilioError(400, 21606, `The From phone number ${from} is not a valid, SMS-capable inbound phone number or short code for your account.`);
        }
        const message = recordSms(state, { from, to, body, direction: 'outbound-api' });
        return created(serializeSmsMessage(message, serializeContext(state, request)));
      },
    },
    {
      method: 'GET',
      pattern: '/api/2010-04-01/Accounts/:AccountSid/Messages/:Sid.json',
      handler: (request) => ok(serializeSmsMessage(found(ref.current.api.messages.get(request.pathParams.Sid), request), serializeContext(ref.current, request))),
    },
    {
      method: 'GET',
      pattern: '/api/2010-04-01/Accounts/:AccountSid/IncomingPhoneNumbers.json',
      handler: (request) => {
        const state = ref.current;
        const phoneNumber = request.query.string('PhoneNumber');
        const friendlyName = request.query.string('FriendlyName');
        // Twilio matches PhoneNumber as a pattern on the digits ("+1555" finds every +1555… number).
        const digits = phoneNumber?.replace(/[^\d]/g, '');
        const numbers = state.api.incomingPhoneNumbers.filter(
          (number) =>
            (digits === undefined || number.phoneNumber.replace(/[^\d]/g, '').includes(digits)) &&
            (friendlyName === undefined || number.friendlyName === friendlyName),
        );
        const ctx = serializeContext(state, request);
        return ok(legacyListPage(request, numbers, { key: 'incoming_phone_numbers', serialize: (number) => serializeIncomingPhoneNumber(number, ctx), sequenceOf: (sid) => state.api.incomingPhoneNumbers.sequenceOf(sid) }));
      },
    },
    {
      method: 'GET',
      pattern: '/api/2010-04-01/Accounts/:AccountSid/IncomingPhoneNumbers/:Sid.json',
      handler: (request) => ok(serializeIncomingPhoneNumber(found(ref.current.api.incomingPhoneNumbers.get(request.pathParams.Sid), request), serializeContext(ref.current, request))),
    },
    {
      method: 'DELETE',
      pattern: '/api/2010-04-01/Accounts/:AccountSid/IncomingPhoneNumbers/:Sid.json',
      handler: (request) => {
        const state = ref.current;
        const number = found(state.api.incomingPhoneNumbers.get(request.pathParams.Sid), request);
        // Releasing a number takes it out of every Proxy pool too.
        state.api.incomingPhoneNumbers.delete(number.sid);
        state.proxy.numbers.delete(number.sid);
        return noContent();
      },
    },
  ];
}
