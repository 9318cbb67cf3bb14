import type { StateRef } from '../../core/state';
import { found } from '../../http/lookup';
import { legacyListPage } from '../../http/paging';
import { resourceRoutes } from '../../http/resource-routes';
import type { Route } from '../../http/route';
import { TwilioError } from '../../http/twilio-error';
import { callbackUrl } from '../../http/callback-url';
import { refusalCode } from '../../messaging/delivery/carrier';
import { sendSms } from '../../messaging/delivery/outbound-sms';
import { sendRefused } from './messaging.errors';
import { serializeIncomingPhoneNumber, serializeSmsMessage } from './api2010.serializers';

const E164 = /^\+[1-9]\d{6,14}$/;

/** API 2010: Messages and IncomingPhoneNumbers (list, fetch, release) of the account (the account SID check happens in the server). */
export function api2010Routes(ref: StateRef): Route[] {
  const route = resourceRoutes(ref, { page: legacyListPage });
  const account = '/api/2010-04-01/Accounts/:AccountSid';
  return [
    route.list(`${account}/Messages.json`, (request, state) => {
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
            (!sentOn || (message.dateSent !== null && sameDay(message.dateSent, sentOn))) &&
            (!sentBefore || (message.dateSent !== null && message.dateSent <= sentBefore)) &&
            (!sentAfter || (message.dateSent !== null && message.dateSent >= sentAfter)),
        )
        .reverse();
      return { key: 'messages', items: messages, collection: state.api.messages, serialize: serializeSmsMessage, descending: true };
    }),
    route.create(`${account}/Messages.json`, (request, state, ctx) => {
      const params = request.params;
      const to = params.required('To');
      const from = params.required('From');
      const body = params.required('Body');
      if (!E164.test(to)) throw sendRefused(21211, to, from);
      if (!state.api.isOwnNumber(from)) {
        throw new TwilioError(400, 21606, `The From phone number ${from} is not a valid, SMS-capable inbound phone number or short code for your account.`);
      }
      const statusCallback = callbackUrl(params, 'StatusCallback') || undefined;
      // Magic numbers and opt-outs are refused here, with a 400: Twilio creates no Message for them.
      const refusal = refusalCode(state, from, to, { honourOptOut: true });
      if (refusal !== undefined) throw sendRefused(refusal, to, from);
      return serializeSmsMessage(sendSms(state, { from, to, body, statusCallback }), ctx);
    }),
    route.fetch(`${account}/Messages/:Sid.json`, (request, state, ctx) => {
      return serializeSmsMessage(found(state.api.messages.get(request.pathParams.Sid), request), ctx);
    }),
    route.list(`${account}/IncomingPhoneNumbers.json`, (request, state) => {
      const phoneNumber = request.query.string('PhoneNumber');
      const friendlyName = request.query.string('FriendlyName');
      // Twilio matches PhoneNumber as a pattern on the digits ("+1555" finds every +1555… number).
      const digits = phoneNumber?.replace(/[^\d]/g, '');
      const numbers = state.api.incomingPhoneNumbers.filter(
        (number) =>
          (digits === undefined || number.phoneNumber.replace(/[^\d]/g, '').includes(digits)) &&
          (friendlyName === undefined || number.friendlyName === friendlyName),
      );
      return { key: 'incoming_phone_numbers', items: numbers, collection: state.api.incomingPhoneNumbers, serialize: serializeIncomingPhoneNumber };
    }),
    route.fetch(`${account}/IncomingPhoneNumbers/:Sid.json`, (request, state, ctx) => {
      return serializeIncomingPhoneNumber(found(state.api.incomingPhoneNumbers.get(request.pathParams.Sid), request), ctx);
    }),
    route.delete(`${account}/IncomingPhoneNumbers/:Sid.json`, (request, state) => {
      const number = found(state.api.incomingPhoneNumbers.get(request.pathParams.Sid), request);
      // Releasing a number takes it out of every Proxy pool too.
      state.api.incomingPhoneNumbers.delete(number.sid);
      state.proxy.numbers.delete(number.sid);
    }),
  ];
}
