import { isoDate } from '../../core/dates';
import type { SerializeContext } from '../../http/serialize-context';
import { links } from '../../http/urls';
import type { MessageInteraction, ProxyParticipant, ProxyPhoneNumber, ProxyService, ProxySession } from './proxy.store';

const serviceUrl = (ctx: SerializeContext, sid: string) => `${ctx.baseUrl}/proxy/v1/Services/${sid}`;
const sessionUrl = (ctx: SerializeContext, serviceSid: string, sid: string) => `${serviceUrl(ctx, serviceSid)}/Sessions/${sid}`;
const participantUrl = (ctx: SerializeContext, p: { serviceSid: string; sessionSid: string }, sid: string) =>
  `${sessionUrl(ctx, p.serviceSid, p.sessionSid)}/Participants/${sid}`;

/** `proxy.v1.service` */
export function serializeProxyService(service: ProxyService, ctx: SerializeContext) {
  const url = serviceUrl(ctx, service.sid);
  return {
    sid: service.sid,
    unique_name: service.uniqueName,
    account_sid: ctx.accountSid,
    chat_instance_sid: service.chatInstanceSid,
    callback_url: service.callbackUrl ?? null,
    default_ttl: service.defaultTtl,
    number_selection_behavior: service.numberSelectionBehavior ?? 'prefer-sticky',
    geo_match_level: service.geoMatchLevel ?? 'country',
    intercept_callback_url: service.interceptCallbackUrl ?? null,
    out_of_session_callback_url: service.outOfSessionCallbackUrl ?? null,
    date_created: isoDate(service.dateCreated),
    date_updated: isoDate(service.dateUpdated),
    url,
    links: links(url, { sessions: 'Sessions', phone_numbers: 'PhoneNumbers', short_codes: 'ShortCodes' }),
  };
}

/** `proxy.v1.service.phone_number`; `in_use` counts the open sessions masking someone behind the number. */
export function serializeProxyPhoneNumber(number: ProxyPhoneNumber, inUse: number, ctx: SerializeContext) {
  return {
    sid: number.sid,
    account_sid: ctx.accountSid,
    service_sid: number.serviceSid,
    date_created: isoDate(number.dateCreated),
    date_updated: isoDate(number.dateUpdated),
    phone_number: number.phoneNumber,
    friendly_name: number.friendlyName,
    iso_country: number.isoCountry,
    capabilities: { fax: false, mms: true, sms: true, voice: true },
    url: `${serviceUrl(ctx, number.serviceSid)}/PhoneNumbers/${number.sid}`,
    is_reserved: number.isReserved,
    in_use: inUse,
  };
}

/** `proxy.v1.service.session` */
export function serializeProxySession(session: ProxySession, ctx: SerializeContext) {
  const url = sessionUrl(ctx, session.serviceSid, session.sid);
  return {
    sid: session.sid,
    service_sid: session.serviceSid,
    account_sid: ctx.accountSid,
    date_started: isoDate(session.dateStarted),
    date_ended: isoDate(session.dateEnded),
    date_last_interaction: isoDate(session.dateLastInteraction),
    date_expiry: isoDate(session.dateExpiry),
    unique_name: session.uniqueName,
    status: session.status,
    closed_reason: session.closedReason,
    ttl: session.ttl,
    mode: session.mode,
    date_created: isoDate(session.dateCreated),
    date_updated: isoDate(session.dateUpdated),
    url,
    links: links(url, { interactions: 'Interactions', participants: 'Participants' }),
  };
}

/** `proxy.v1.service.session.participant` */
export function serializeProxyParticipant(participant: ProxyParticipant, ctx: SerializeContext) {
  const url = participantUrl(ctx, participant, participant.sid);
  return {
    sid: participant.sid,
    session_sid: participant.sessionSid,
    service_sid: participant.serviceSid,
    account_sid: ctx.accountSid,
    friendly_name: participant.friendlyName,
    identifier: participant.identifier,
    proxy_identifier: participant.proxyIdentifier,
    proxy_identifier_sid: participant.proxyIdentifierSid,
    date_deleted: null,
    date_created: isoDate(participant.dateCreated),
    date_updated: isoDate(participant.dateUpdated),
    url,
    links: links(url, { message_interactions: 'MessageInteractions' }),
  };
}

/** Where an interaction's leg lives: an SMS is an API 2010 Message; a chat message has no URL Proxy gives. */
export function interactionResourceUrl(ctx: SerializeContext, type: string, sid: string): string | null {
  return type === 'Message' ? `${ctx.baseUrl}/api/2010-04-01/Accounts/${ctx.accountSid}/Messages/${sid}.json` : null;
}

/** The fields an interaction shows in both of its views (session Interactions, a participant's MessageInteractions). */
function interactionFields(interaction: MessageInteraction, ctx: SerializeContext) {
  return {
    sid: interaction.sid,
    session_sid: interaction.sessionSid,
    service_sid: interaction.serviceSid,
    account_sid: ctx.accountSid,
    data: interaction.data,
    type: 'message',
    inbound_participant_sid: interaction.inboundParticipantSid,
    inbound_resource_sid: interaction.inboundResourceSid,
    inbound_resource_status: interaction.inboundResourceStatus ?? (interaction.inboundResourceType === 'Message' ? 'received' : 'delivered'),
    inbound_resource_type: interaction.inboundResourceType,
    inbound_resource_url: interactionResourceUrl(ctx, interaction.inboundResourceType, interaction.inboundResourceSid),
    outbound_participant_sid: interaction.outboundParticipantSid,
    outbound_resource_sid: interaction.outboundResourceSid,
    outbound_resource_status: interaction.outboundResourceStatus ?? 'delivered',
    outbound_resource_type: interaction.outboundResourceType,
    outbound_resource_url: interactionResourceUrl(ctx, interaction.outboundResourceType, interaction.outboundResourceSid),
    date_created: isoDate(interaction.dateCreated),
    date_updated: isoDate(interaction.dateUpdated),
  };
}

/** `proxy.v1.service.session.participant.message_interaction`, seen from `participantSid`. */
export function serializeMessageInteraction(interaction: MessageInteraction, participantSid: string, ctx: SerializeContext) {
  return {
    ...interactionFields(interaction, ctx),
    participant_sid: participantSid,
    url: `${participantUrl(ctx, interaction, participantSid)}/MessageInteractions/${interaction.sid}`,
  };
}

/** `proxy.v1.service.session.interaction` */
export function serializeInteraction(interaction: MessageInteraction, ctx: SerializeContext) {
  return {
    ...interactionFields(interaction, ctx),
    url: `${sessionUrl(ctx, interaction.serviceSid, interaction.sessionSid)}/Interactions/${interaction.sid}`,
  };
}
