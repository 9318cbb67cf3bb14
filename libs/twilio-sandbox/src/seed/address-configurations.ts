import type { SandboxState } from '../core/state';

interface SeedTimes {
  dateCreated: Date;
  dateUpdated: Date;
}

/**
 * Conversations' side of the demo account: the Flex Chat Service is the default Conversation Service, and each
 * number has an SMS Address Configuration whose auto-creation hands new conversations to the Studio messaging flow.
 * Auto-creation starts DISABLED: the seeded numbers are in Programmable Chat mode (their Studio Flex Flows take
 * inbound SMS); enabling it (UpdateConfigurationAddress `AutoCreation.Enabled=true`) moves a number to
 * Conversations mode, as Twilio's Address Configuration takes a number's messages ahead of its webhook.
 */
export function seedAddressConfigurations(
  state: SandboxState,
  input: { chatServiceSid: string; studioFlowSid: string; numbers: readonly string[]; at: SeedTimes },
): void {
  state.conversations.defaultServiceSid = input.chatServiceSid;
  for (const address of input.numbers) seedAddressConfiguration(state, { ...input, type: 'sms', address, enabled: false });
}

/** One Address Configuration handing new conversations to the Studio messaging flow, as Flex Console sets them up. */
export function seedAddressConfiguration(
  state: SandboxState,
  input: { type: 'sms' | 'whatsapp'; address: string; enabled: boolean; chatServiceSid: string; studioFlowSid: string; at: SeedTimes },
): void {
  state.conversations.addressConfigurations.add({
    sid: state.sid('IG'),
    type: input.type,
    address: input.address,
    friendlyName: `Flex Conversations ${input.address}`,
    autoCreation: {
      enabled: input.enabled,
      type: 'studio',
      conversationServiceSid: input.chatServiceSid,
      webhookUrl: null,
      webhookMethod: null,
      webhookFilters: [],
      studioFlowSid: input.studioFlowSid,
      studioRetryCount: 3,
    },
    addressCountry: null,
    ...input.at,
  });
}
