import { formParams, type TwilioCallback } from '../../callbacks/twilio-callback';
import { isoDate } from '../../core/dates';
import type { SandboxState } from '../../core/state';
import type { SerializeContext } from '../../http/serialize-context';
import type { MessageRelay, SmsMessage } from '../api2010/api2010.store';
import { interactionResourceUrl } from './proxy.serializers';
import type { MessageInteraction } from './proxy.store';

type ProxyRelay = Extract<MessageRelay, { product: 'proxy' }>;

/**
 * The Proxy Service's `CallbackUrl` (docs "Proxy Webhooks"): "fired for each new interaction", and, as the Service
 * resource describes the URL, "when the interaction status changes", form-encoded, with the interaction's fields
 * in camelCase (`interactionSid`, `interactionSessionSid`, `outboundResourceStatus`, …; the docs' example lists
 * them). The sandbox calls it when an interaction is recorded and each time its outbound SMS changes status.
 * `InterceptCallbackUrl` and `OutOfSessionCallbackUrl` are stored but never called.
 */
export function interactionCallbacks(state: SandboxState, interaction: MessageInteraction, ctx: SerializeContext): TwilioCallback[] {
  const service = state.proxy.services.get(interaction.serviceSid);
  if (!service?.callbackUrl) return [];
  const resourceUrl = (type: string, sid: string | null) => (sid ? interactionResourceUrl(ctx, type, sid) : null);
  return [
    {
      event: 'proxy:interaction',
      url: service.callbackUrl,
      method: 'POST',
      orderKey: interaction.sid,
      params: formParams({
        interactionSid: interaction.sid,
        interactionAccountSid: ctx.accountSid,
        interactionServiceSid: interaction.serviceSid,
        interactionSessionSid: interaction.sessionSid,
        interactionType: 'Message',
        interactionData: interaction.data,
        interactionDateCreated: isoDate(interaction.dateCreated),
        interactionDateUpdated: isoDate(interaction.dateUpdated),
        inboundParticipantSid: interaction.inboundParticipantSid,
        inboundResourceSid: interaction.inboundResourceSid,
        inboundResourceStatus: interaction.inboundResourceStatus,
        inboundResourceType: interaction.inboundResourceType,
        inboundResourceUrl: resourceUrl(interaction.inboundResourceType, interaction.inboundResourceSid),
        outboundParticipantSid: interaction.outboundParticipantSid,
        outboundResourceSid: interaction.outboundResourceSid,
        outboundResourceStatus: interaction.outboundResourceStatus,
        outboundResourceType: interaction.outboundResourceType,
        outboundResourceUrl: resourceUrl(interaction.outboundResourceType, interaction.outboundResourceSid),
      }),
    },
  ];
}

/** The interaction follows its outbound SMS's status (`outbound_resource_status`), and says so to the callback. */
export function mirrorOnInteraction(state: SandboxState, sms: SmsMessage, relay: ProxyRelay, ctx: SerializeContext): TwilioCallback[] {
  const interaction = state.proxy.interactions.get(relay.interactionSid);
  if (!interaction) return [];
  interaction.outboundResourceStatus = sms.status;
  interaction.dateUpdated = state.now();
  return interactionCallbacks(state, interaction, ctx);
}
