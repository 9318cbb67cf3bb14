import type { SandboxState, StateRef } from '../../core/state';
import { found } from '../../http/lookup';
import { legacyListPage } from '../../http/paging';
import { resourceRoutes } from '../../http/resource-routes';
import type { Route } from '../../http/route';
import { TwilioError } from '../../http/twilio-error';
import { callbackUrl } from '../../http/callback-url';
import { refusalCode } from '../../messaging/delivery/carrier';
import { sendSms } from '../../messaging/delivery/outbound-sms';
import { channelOf, E164, isChannelAddress } from '../../messaging/channel-address';
import type { Params } from '../../http/params';
import type { RenderedContent } from '../content/content-rendering';
import { contentForSend, renderFor, type ContentProblem } from '../content/content-send';
import { sendRefused } from './messaging.errors';
import { serializeIncomingPhoneNumber, serializeSmsMessage } from './api2010.serializers';

/** Messaging's codes for a send's Content template that cannot be used (Twilio's error dictionary). */
const CONTENT_PROBLEM_CODES: Record<ContentProblem, number> = { 'unknown-content': 21655, 'invalid-variables': 21656, unrenderable: 21655 };

/**
 * The Content template a Message is sent as (`ContentSid`, with `ContentVariables`), filled in for its channel; it
 * supersedes `Body` ("Body and MediaUrl should be excluded… They are both superseded by the ContentSid"). Variables
 * without a template are 21654, an unknown template 21655, variables that are no JSON object of values 21656.
 */
function messageContent(state: SandboxState, params: Params, to: string, from: string): RenderedContent | undefined {
  const contentSid = params.string('ContentSid');
  if (!contentSid) {
    if (params.has('ContentVariables')) throw sendRefused(21654, to, from);
    return undefined;
  }
  const content = contentForSend(state, contentSid, params.string('ContentVariables'));
  if (typeof content === 'string') throw sendRefused(CONTENT_PROBLEM_CODES[content], to, from);
  return renderFor(content, channelOf(to));
}

/** API 2010: Messages and IncomingPhoneNumbers (buy, list, fetch, release) of the account (the account SID check happens in the server). */
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
      if (!isChannelAddress(to)) throw sendRefused(21211, to, from);
      if (channelOf(from) !== channelOf(to)) throw sendRefused(21910, to, from);
      if (!state.api.isOwnSender(from)) {
        if (channelOf(from) === 'whatsapp') throw sendRefused(63007, to, from);
        throw new TwilioError(
          400,
          21606,
          `The From phone number ${from} is not a valid, SMS-capable inbound phone number or short code for your account.`,
        );
      }
      const content = messageContent(state, params, to, from);
      const body = content ? content.body : params.required('Body');
      const statusCallback = callbackUrl(params, 'StatusCallback') || undefined;
      // Magic numbers and opt-outs are refused here, with a 400: Twilio creates no Message for them.
      const refusal = refusalCode(state, from, to, { honourOptOut: true });
      if (refusal !== undefined) throw sendRefused(refusal, to, from);
      return serializeSmsMessage(sendSms(state, { from, to, body, statusCallback, content }), ctx);
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
    route.create(`${account}/IncomingPhoneNumbers.json`, (request, state, ctx) => {
      // Buying a number: the sandbox has no inventory to search (AvailablePhoneNumbers), so any E.164 number not yet
      // the account's is available; one it already owns is Twilio's 21422 ("Phone number is not available").
      const phoneNumber = request.params.required('PhoneNumber');
      if (!E164.test(phoneNumber)) throw new TwilioError(400, 21421, `PhoneNumber is invalid: ${phoneNumber}`);
      if (state.api.isOwnNumber(phoneNumber)) throw new TwilioError(400, 21422, `PhoneNumber ${phoneNumber} is not available`);
      const now = state.now();
      const friendlyName = request.params.string('FriendlyName') ?? `(${phoneNumber.slice(2, 5)}) ${phoneNumber.slice(5, 8)}-${phoneNumber.slice(8)}`;
      const number = state.api.incomingPhoneNumbers.add({ sid: state.sid('PN'), phoneNumber, friendlyName, dateCreated: now, dateUpdated: now });
      return serializeIncomingPhoneNumber(number, ctx);
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
