import type { SandboxState } from '../core/state';
import { TwilioError } from '../http/twilio-error';
import type { SmsMessage } from '../products/api2010/api2010.store';
import { recordInboundSms } from '../products/api2010/messages.service';
import { createFlexChannel } from '../products/flex/flex-channels.service';
import type { FlexFlow } from '../products/flex/flex.store';
import { createSession, recordInteraction } from '../products/proxy/proxy.service';
import { ProxyStore, type ProxyParticipant } from '../products/proxy/proxy.store';
import { postChatMessage } from './chat-messages';
import { relayFor, sendSms } from './delivery/outbound-sms';
import { deliverToConversation } from './inbound-conversation-sms';
import { channelOf, isChannelAddress } from './channel-address';
import { handleKeyword, type KeywordKind } from './opt-out-keywords';
import { recordCustomerMessage } from './whatsapp-window';

export interface InboundSms {
  from: string;
  to: string;
  body: string;
}

export interface InboundSmsOutcome {
  messageSid: string;
  /**
   * `proxy-session`: an open session carried it; `conversation`: a conversation binding the sender and the number
   * took it; `address-configuration`: the number's Address Configuration auto-created a conversation for it;
   * `flex-flow`: the number's enabled Flex Flow took it; `unrouted`: none of them.
   */
  route: 'proxy-session' | 'conversation' | 'address-configuration' | 'flex-flow' | 'unrouted';
  sessionSid?: string;
  channelSid?: string;
  chatMessageSid?: string;
  executionSid?: string;
  taskSid?: string;
  flexFlowSid?: string;
  conversationSid?: string;
  conversationMessageSid?: string;
  /** The message was one of Twilio's keywords (messaging/opt-out-keywords.ts), and Twilio's reply to it. */
  keyword?: KeywordKind;
  autoReplySid?: string;
  /** False when the route dropped the message (Proxy does not forward opt-out keywords nor UNSTOP). */
  forwarded?: boolean;
}

/**
 * An SMS (or a WhatsApp message, from and to `whatsapp:` addresses, which opens the customer service window: see
 * messaging/whatsapp-window.ts) from a customer's handset to one of the account's numbers. Proxy first: when the sender and the number
 * form the pair of a participant in an open session, the message goes to the session's other participant (into the
 * chat channel for Flex). Then Conversations: a conversation binding the pair, or the number's Address
 * Configuration (auto-creation). Otherwise the number's enabled Flex Flow takes it: Flex opens (or reuses) the contact's
 * channel, ties it to the customer with a Proxy session, and delivers the message, which sets off the Studio flow
 * (or, for a Task Flex Flow, the channel comes with a task). Twilio's keyword handling comes first: a STOP-family
 * keyword records the opt-out and gets Twilio's reply, and the message still goes on to the product, except that
 * Proxy drops opt-out keywords and UNSTOP (docs "Proxy: Opt-out keywords": "Dropped messages do not trigger
 * callbacks").
 */
export function receiveInboundSms(state: SandboxState, input: InboundSms): InboundSmsOutcome {
  if (!state.api.isOwnSender(input.to)) {
    throw new TwilioError(400, 21211, `The 'To' number ${input.to} is not a phone number or WhatsApp sender of this account`);
  }
  if (!isChannelAddress(input.from)) throw new TwilioError(400, 20001, `from ${input.from} is not an E.164 number (or whatsapp: and one)`);
  if (channelOf(input.from) !== channelOf(input.to)) {
    throw new TwilioError(400, 20001, `from ${input.from} and to ${input.to} must be on the same channel (both whatsapp: or neither)`);
  }
  const sms = recordInboundSms(state, input);
  if (sms.channel === 'whatsapp') recordCustomerMessage(state, sms.to, sms.from, sms.dateCreated);
  // Keyword handling is SMS filtering ("Twilio support for opt-out keywords (SMS STOP filtering)"); on WhatsApp a
  // customer blocks the business in the app instead.
  const keyword = sms.channel === 'sms' ? handleKeyword(state, sms) : undefined;
  const handled = keyword ? { keyword: keyword.kind, autoReplySid: keyword.replySid } : {};
  return { ...route(state, sms, keyword?.kind === 'opt-out' || keyword?.keyword === 'UNSTOP'), ...handled };
}

function route(state: SandboxState, sms: SmsMessage, proxyDrops: boolean): InboundSmsOutcome {
  const participantSid = state.proxy.activePairs.get(ProxyStore.key(sms.from, sms.to));
  const participant = participantSid ? state.proxy.participants.get(participantSid) : undefined;
  if (participant && proxyDrops) return { messageSid: sms.sid, route: 'proxy-session', sessionSid: participant.sessionSid, forwarded: false };
  if (participant) return { ...deliverThroughSession(state, participant, sms), route: 'proxy-session' };
  // Conversations handles the number's messages ahead of its webhook (where a Flex Flow listens).
  const conversation = deliverToConversation(state, sms);
  if (conversation) {
    const { autoCreated, ...delivery } = conversation;
    return { messageSid: sms.sid, route: autoCreated ? 'address-configuration' : 'conversation', ...delivery };
  }
  const flow = state.flex.flowsFor(sms.to).find((candidate) => candidate.enabled && candidate.channelType === sms.channel);
  if (!flow) return { messageSid: sms.sid, route: 'unrouted' };
  return { ...startFlexConversation(state, flow, sms), route: 'flex-flow', flexFlowSid: flow.sid };
}

function startFlexConversation(state: SandboxState, flow: FlexFlow, sms: SmsMessage): Omit<InboundSmsOutcome, 'route'> {
  const { channel } = createFlexChannel(state, {
    flexFlowSid: flow.sid,
    identity: sms.from,
    chatUserFriendlyName: sms.from,
    chatFriendlyName: sms.from,
    target: sms.from,
  });
  const service = state.proxy.services.find((candidate) => state.proxy.numbersOf(candidate.sid).some((number) => number.phoneNumber === sms.to));
  if (!service) return { messageSid: sms.sid, channelSid: channel.sid, taskSid: channel.taskSid ?? undefined };
  const uniqueNameFree = !state.proxy.sessionByUniqueName.has(ProxyStore.key(service.sid, channel.sid));
  const session = createSession(state, service, {
    uniqueName: uniqueNameFree ? channel.sid : undefined,
    mode: 'message-only',
    participants: [
      { identifier: sms.from, proxyIdentifier: sms.to, friendlyName: sms.from },
      { identifier: channel.sid, friendlyName: sms.from },
    ],
  });
  const customer = state.proxy.participantsOf(session.sid).find((candidate) => candidate.identifier === sms.from) as ProxyParticipant;
  return { ...deliverThroughSession(state, customer, sms), taskSid: channel.taskSid ?? undefined };
}

function deliverThroughSession(state: SandboxState, sender: ProxyParticipant, sms: SmsMessage): Omit<InboundSmsOutcome, 'route'> {
  const session = state.proxy.sessions.get(sender.sessionSid);
  const recipient = state.proxy.participantsOf(sender.sessionSid).find((candidate) => candidate.sid !== sender.sid);
  if (!session || !recipient) return { messageSid: sms.sid, sessionSid: sender.sessionSid };
  const channel = state.chat.channels.get(recipient.identifier);
  if (channel) {
    const author = state.flex.channels.get(channel.sid)?.identity ?? sender.identifier;
    const posted = postChatMessage(state, channel, { from: author, body: sms.body }, { origin: 'customer' });
    const interaction = recordInteraction(state, {
      session,
      from: sender,
      to: recipient,
      body: sms.body,
      inboundResource: { sid: sms.sid, type: 'Message', status: 'received' },
      outboundResource: { sid: posted.message.sid, type: 'Chat', status: 'delivered' },
    });
    state.outbox.push({ kind: 'proxy-interaction', interactionSid: interaction.sid });
    return {
      messageSid: sms.sid,
      sessionSid: session.sid,
      channelSid: channel.sid,
      chatMessageSid: posted.message.sid,
      executionSid: posted.executionSid,
    };
  }
  if (recipient.proxyIdentifier) {
    const forwarded = sendSms(state, {
      from: recipient.proxyIdentifier,
      to: recipient.identifier,
      body: sms.body,
      honourOptOut: state.proxy.respectSmsStopFilter,
    });
    const interaction = recordInteraction(state, {
      session,
      from: sender,
      to: recipient,
      body: sms.body,
      inboundResource: { sid: sms.sid, type: 'Message', status: 'received' },
      outboundResource: { sid: forwarded.sid, type: 'Message', status: forwarded.status },
    });
    relayFor(forwarded, { product: 'proxy', interactionSid: interaction.sid });
  }
  return { messageSid: sms.sid, sessionSid: session.sid };
}
