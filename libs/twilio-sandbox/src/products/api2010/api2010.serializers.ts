import { rfc2822Date } from '../../core/dates';
import type { SerializeContext } from '../../http/serialize-context';
import type { IncomingPhoneNumber, SmsMessage } from './api2010.store';

const accountUri = (ctx: SerializeContext) => `/2010-04-01/Accounts/${ctx.accountSid}`;

/** `api.v2010.account.message`: API 2010 uses relative `uri`s and RFC 2822 dates. */
export function serializeSmsMessage(message: SmsMessage, ctx: SerializeContext) {
  const uri = `${accountUri(ctx)}/Messages/${message.sid}`;
  return {
    body: message.body,
    num_segments: String(Math.max(1, Math.ceil(message.body.length / 153))),
    direction: message.direction,
    from: message.from,
    to: message.to,
    date_updated: rfc2822Date(message.dateUpdated),
    price: null,
    error_message: message.errorMessage ?? null,
    uri: `${uri}.json`,
    account_sid: ctx.accountSid,
    num_media: '0',
    status: message.status,
    messaging_service_sid: null,
    sid: message.sid,
    date_sent: rfc2822Date(message.dateSent),
    date_created: rfc2822Date(message.dateCreated),
    error_code: message.errorCode ?? null,
    price_unit: 'USD',
    api_version: '2010-04-01',
    subresource_uris: { media: `${uri}/Media.json`, feedback: `${uri}/Feedback.json` },
  };
}

/** `api.v2010.account.incoming_phone_number` */
export function serializeIncomingPhoneNumber(number: IncomingPhoneNumber, ctx: SerializeContext) {
  const uri = `${accountUri(ctx)}/IncomingPhoneNumbers/${number.sid}`;
  return {
    account_sid: ctx.accountSid,
    address_sid: null,
    address_requirements: 'none',
    api_version: '2010-04-01',
    beta: false,
    capabilities: { voice: true, sms: true, mms: true, fax: false },
    date_created: rfc2822Date(number.dateCreated),
    date_updated: rfc2822Date(number.dateUpdated),
    friendly_name: number.friendlyName,
    identity_sid: null,
    phone_number: number.phoneNumber,
    origin: 'twilio',
    sid: number.sid,
    sms_application_sid: null,
    sms_fallback_method: 'POST',
    sms_fallback_url: null,
    sms_method: 'POST',
    sms_url: null,
    status_callback: null,
    status_callback_method: 'POST',
    trunk_sid: null,
    uri: `${uri}.json`,
    voice_receive_mode: 'voice',
    voice_application_sid: null,
    voice_caller_id_lookup: false,
    voice_fallback_method: 'POST',
    voice_fallback_url: null,
    voice_method: 'POST',
    voice_url: null,
    emergency_status: 'Inactive',
    emergency_address_sid: null,
    emergency_address_status: 'unregistered',
    bundle_sid: null,
    status: 'in-use',
  };
}
