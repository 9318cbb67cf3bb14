import type { SandboxState } from '../../core/state';
import { invalidParameter, missingParameter } from '../../http/twilio-error';
import { channelOf } from '../../messaging/channel-address';
import type { AddressConfiguration, AutoCreation, AutoCreationType } from './conversations.store';

export interface AutoCreationRequest {
  enabled?: boolean;
  type?: AutoCreationType;
  conversationServiceSid?: string;
  webhookUrl?: string;
  webhookMethod?: string;
  webhookFilters?: string[];
  studioFlowSid?: string;
  studioRetryCount?: number;
}

export interface NewAddressConfiguration {
  type: string;
  address: string;
  friendlyName?: string;
  addressCountry?: string;
  autoCreation: AutoCreationRequest;
}

/** Merges the request into the handler and checks it is complete for its type (studio: a flow; webhook: a URL). */
function resolveAutoCreation(state: SandboxState, current: AutoCreation, request: AutoCreationRequest): AutoCreation {
  const next: AutoCreation = {
    enabled: request.enabled ?? current.enabled,
    type: request.type ?? current.type,
    conversationServiceSid: request.conversationServiceSid ?? current.conversationServiceSid,
    webhookUrl: request.webhookUrl ?? current.webhookUrl,
    webhookMethod: request.webhookMethod ?? current.webhookMethod,
    webhookFilters: request.webhookFilters ?? current.webhookFilters,
    studioFlowSid: request.studioFlowSid ?? current.studioFlowSid,
    studioRetryCount: request.studioRetryCount ?? current.studioRetryCount,
  };
  if (next.type === 'studio') {
    if (!next.studioFlowSid) throw missingParameter('AutoCreation.StudioFlowSid');
    if (!state.studio.flows.get(next.studioFlowSid))
      throw invalidParameter('AutoCreation.StudioFlowSid', `${next.studioFlowSid} is not a Studio Flow of the account`);
  }
  if (next.type === 'webhook' && !next.webhookUrl) throw missingParameter('AutoCreation.WebhookUrl');
  return next;
}

const NO_AUTO_CREATION: AutoCreation = {
  enabled: false,
  type: 'default',
  conversationServiceSid: null,
  webhookUrl: null,
  webhookMethod: null,
  webhookFilters: [],
  studioFlowSid: null,
  studioRetryCount: null,
};

/**
 * "The unique address must be a single address (i.e. a WhatsApp or SMS phone number) that belongs to your Twilio
 * Account" (Address Configuration resource): a number for `sms`, a WhatsApp sender written `whatsapp:+1…` for
 * `whatsapp` (an address "can be a whatsapp address or phone number").
 */
function belongsToAccount(state: SandboxState, type: string, address: string): boolean {
  if (type === 'whatsapp') return channelOf(address) === 'whatsapp' && state.api.isOwnSender(address);
  return state.api.isOwnNumber(address);
}

export function createAddressConfiguration(state: SandboxState, input: NewAddressConfiguration): AddressConfiguration {
  if (!belongsToAccount(state, input.type, input.address)) {
    throw invalidParameter(
      'Address',
      `${input.address} is not a ${input.type === 'whatsapp' ? 'WhatsApp sender (whatsapp:+…)' : 'number'} of this account`,
    );
  }
  if (state.conversations.addressConfigurationFor(input.address)) {
    throw invalidParameter('Address', `an Address Configuration for ${input.address} already exists`);
  }
  const autoCreation = resolveAutoCreation(state, NO_AUTO_CREATION, input.autoCreation);
  const now = state.now();
  return state.conversations.addressConfigurations.add({
    sid: state.sid('IG'),
    type: input.type,
    address: input.address,
    friendlyName: input.friendlyName ?? null,
    autoCreation: { ...autoCreation, conversationServiceSid: autoCreation.conversationServiceSid ?? state.conversations.defaultServiceSid },
    addressCountry: input.addressCountry ?? null,
    dateCreated: now,
    dateUpdated: now,
  });
}

export function updateAddressConfiguration(
  state: SandboxState,
  configuration: AddressConfiguration,
  changes: { friendlyName?: string; autoCreation: AutoCreationRequest },
): AddressConfiguration {
  configuration.autoCreation = resolveAutoCreation(state, configuration.autoCreation, changes.autoCreation);
  if (changes.friendlyName !== undefined) configuration.friendlyName = changes.friendlyName;
  configuration.dateUpdated = state.now();
  return configuration;
}
