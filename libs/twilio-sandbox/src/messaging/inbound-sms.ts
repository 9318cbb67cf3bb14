import type { SandboxState } from '../core/state';
import { TwilioError } from '../http/twilio-error';
import type { SmsMessage } from '../products/api2010/api2010.store';
import { recordSms } from '../products/api2010/messages.service';
import { createFlexChannel } from '../products/flex/flex-channels.service';
import type { FlexFlow } from '../products/flex/flex.store';
import { createSession, recordInteraction } from '../products/proxy/proxy.service';
import { ProxyStore, type ProxyParticipant } from '../products/proxy/proxy.store';
import { postChatMessage } from './chat-messages';
import { deliverToConversation } from './inbound-conversation-sms';

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
}

/**
 * An SMS from a customer's handset to one of the account's numbers. Proxy first: when the sender and the number
 * form the pair of a participant in an open session, the message goes to the session's other participant (into the
 * chat channel for Flex). Then Conversations: a conversation binding the pair, or the number's Address
 * Configuration (auto-creation). Otherwise the number's enabled Flex Flow takes it: Flex opens (or reuses) the contact's
 * channel, ties it to the customer with a Proxy session, and delivers the message, which sets off the Studio flow
 * (or, for a Task Flex Flow, the channel comes with a task).
 */
export function receiveInboundSms(state: SandboxState, input: InboundSms): InboundSmsOutcome {
  if (!state.api.isOwnNumber(input.to)) {
    throw new TwilioError(400, 21211, `The 'To' number ${input.to} is not a phone number of this account`);
  }
  const sms = recordSms(state, { ...input, direction: 'inbound' });
  const participantSid = state.proxy.activePairs.get(ProxyStore.key(input.from, input.to));
  const participant = participantSid ? state.proxy.participants.get(participantSid) : undefined;
  if (participant) return { ...deliverThroughSession(state, participant, sms), route: 'proxy-session' };
  // Conversations handles the number's messages ahead of its webhook (where a Flex Flow listens).
  const conversation = deliverToConversation(state, sms);
  if (conversation) {
    const { autoCreated, ...delivery } = conversation;
    return { messageSid: sms.sid, route: autoCreated ? 'address-configuration' : 'conversation', ...delivery };
  }
  const flow = state.flex.flowsFor(input.to).find((candidate) => candidate.enabled && candidate.channelType === 'sms');
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
    recordInteraction(state, {
      session,
      from: sender,
      to: recipient,
      body: sms.body,
      inboundResource: { sid: sms.sid, type: 'Message' },
      outboundResource: { sid: posted.message.sid, type: 'Chat' },
    });
    return { messageSid: sms.sid, sessionSid: session.sid, channelSid: channel.sid, chatMessageSid: posted.message.sid, executionSid: posted.executionSid };
  }
  if (recipient.proxyIdentifier) {
    const forwarded = recordSms(state, { from: recipient.proxyIdentifier, to: recipient.identifier, body: sms.body, direction: 'outbound-api' });
    recordInteraction(state, {
      session,
      from: sender,
      to: recipient,
      body: sms.body,
      inboundResource: { sid: sms.sid, type: 'Message' },
      outboundResource: { sid: forwarded.sid, type: 'Message' },
    });
  }
  return { messageSid: sms.sid, sessionSid: session.sid };
}
