import type { SandboxState } from '../core/state';
import { addressOn } from '../messaging/channel-address';
import type { ApprovalStatus, WhatsAppApproval } from '../products/content/content.store';
import { seedAddressConfiguration } from './address-configurations';

interface SeedTimes {
  dateCreated: Date;
  dateUpdated: Date;
}

/**
 * The demo account's number in Flex Conversations mode, registered with WhatsApp: `+15550100003`, also the WhatsApp
 * sender `whatsapp:+15550100003`. Flex Console's Conversations set-up gives each of its addresses an Address
 * Configuration (`sms` and `whatsapp`) with auto-creation ENABLED, handing new conversations to the Studio messaging
 * flow; it has no Flex Flow and is in no Proxy pool, so nothing of Programmable Chat takes its messages. It is the
 * account's example of a Conversations-mode sender, where +15550100001/2 are its Programmable Chat ones.
 */
export function seedWhatsAppSender(
  state: SandboxState,
  input: { phoneNumber: string; chatServiceSid: string; studioFlowSid: string; at: SeedTimes },
): string {
  const { phoneNumber, at } = input;
  const friendlyName = `(${phoneNumber.slice(2, 5)}) ${phoneNumber.slice(5, 8)}-${phoneNumber.slice(8)}`;
  state.api.incomingPhoneNumbers.add({ sid: state.sid('PN'), phoneNumber, friendlyName, ...at });
  const sender = addressOn('whatsapp', phoneNumber);
  state.api.whatsappSenders.add(sender);
  for (const [type, address] of [
    ['sms', phoneNumber],
    ['whatsapp', sender],
  ] as const) {
    seedAddressConfiguration(state, { type, address, enabled: true, chatServiceSid: input.chatServiceSid, studioFlowSid: input.studioFlowSid, at });
  }
  return sender;
}

export type DemoTemplateName = 'appointmentReminder' | 'appointmentConfirmation' | 'springOffer';

interface DemoTemplate {
  friendlyName: string;
  types: Record<string, unknown>;
  variables: Record<string, string>;
  approval: { category: WhatsAppApproval['category']; status: ApprovalStatus };
}

/**
 * The demo account's Content templates: an appointment reminder (`twilio/text`, {{1}} the customer's name, {{2}} the
 * time) and a confirmation with quick replies (`twilio/quick-reply`, with a `twilio/text` fallback for SMS), both
 * approved for WhatsApp; a marketing offer still `pending` WhatsApp's review. No body starts or ends with a
 * placeholder, which WhatsApp would reject ("Message template approvals and statuses").
 */
const DEMO_TEMPLATES: Record<DemoTemplateName, DemoTemplate> = {
  appointmentReminder: {
    friendlyName: 'appointment_reminder',
    types: { 'twilio/text': { body: 'Hello {{1}}, this is a reminder of your appointment on {{2}}. Reply here if you need to change it.' } },
    variables: { 1: 'there', 2: 'the day we agreed' },
    approval: { category: 'UTILITY', status: 'approved' },
  },
  appointmentConfirmation: {
    friendlyName: 'appointment_confirmation',
    types: {
      'twilio/quick-reply': {
        body: 'Hi {{1}}, please confirm your appointment on {{2}}.',
        actions: [
          { type: 'QUICK_REPLY', title: 'Confirm', id: 'confirm' },
          { type: 'QUICK_REPLY', title: 'Reschedule', id: 'reschedule' },
        ],
      },
      'twilio/text': { body: 'Hi {{1}}, please confirm your appointment on {{2}}: reply CONFIRM or RESCHEDULE.' },
    },
    variables: { 1: 'there', 2: 'the day we agreed' },
    approval: { category: 'UTILITY', status: 'approved' },
  },
  springOffer: {
    friendlyName: 'spring_offer',
    types: { 'twilio/text': { body: 'Hi {{1}}, our spring offer ends on {{2}}: show this message in store for 10% off.' } },
    variables: { 1: 'there', 2: 'Sunday' },
    approval: { category: 'MARKETING', status: 'pending' },
  },
};

export function seedContentTemplates(state: SandboxState, at: SeedTimes): Record<DemoTemplateName, string> {
  const sids = {} as Record<DemoTemplateName, string>;
  for (const [name, template] of Object.entries(DEMO_TEMPLATES) as Array<[DemoTemplateName, DemoTemplate]>) {
    sids[name] = state.content.contents.add({
      sid: state.sid('HX'),
      friendlyName: template.friendlyName,
      language: 'en',
      variables: template.variables,
      types: template.types,
      whatsapp: { name: template.friendlyName, ...template.approval, rejectionReason: '', allowCategoryChange: true },
      ...at,
    }).sid;
  }
  return sids;
}
