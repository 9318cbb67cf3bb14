import type { SandboxState } from '../core/state';
import { appendMessage, type NewMessage } from '../products/chat/chat.service';
import type { ChatChannel, ChatMessage } from '../products/chat/chat.store';
import { recordInteraction } from '../products/proxy/proxy.service';
import { triggerExecution } from '../products/studio/executions.service';
import { relayFor, sendSms } from './delivery/outbound-sms';

/**
 * Where a chat message comes from decides what it sets off:
 * - `rest`: posted through the REST API (an agent, a system): Proxy relays it as SMS to the other participant
 *   of the channel's open session; channel webhooks stay silent unless the request asked for them
 *   (`X-Twilio-Webhook-Enabled: true`), as Chat documents for REST-created messages.
 * - `customer`: the contact's SMS delivered into the channel by Proxy: it fires the channel's Studio webhook.
 */
export type MessageOrigin = 'rest' | 'customer';

export interface PostedChatMessage {
  message: ChatMessage;
  relayedSmsSids: string[];
  executionSid?: string;
}

export function postChatMessage(
  state: SandboxState,
  channel: ChatChannel,
  input: NewMessage,
  options: { origin: MessageOrigin; webhooksEnabled?: boolean },
): PostedChatMessage {
  const message = appendMessage(state, channel, input);
  const relayedSmsSids = options.origin === 'rest' ? relayToSms(state, channel, message) : [];
  const fireWebhooks = options.origin === 'customer' || options.webhooksEnabled === true;
  const executionSid = fireWebhooks ? triggerStudioWebhook(state, channel, message) : undefined;
  return { message, relayedSmsSids, executionSid };
}

/**
 * Proxy: a message added to a channel that is a participant of an open session goes out as SMS to the other one,
 * recorded as an interaction whose outbound resource is that SMS. Proxy relays to a handset that opted out unless
 * the account has `ProxyRespectSmsStopFilterFlag` (products/proxy/proxy.store.ts).
 */
function relayToSms(state: SandboxState, channel: ChatChannel, message: ChatMessage): string[] {
  const smsSids: string[] = [];
  for (const session of state.proxy.openSessionsWith(channel.sid)) {
    const participants = state.proxy.participantsOf(session.sid);
    const channelParticipant = participants.find((participant) => participant.identifier === channel.sid);
    const recipient = participants.find((participant) => participant.identifier !== channel.sid && participant.proxyIdentifier);
    if (!channelParticipant || !recipient?.proxyIdentifier) continue;
    const body = message.body ?? '';
    const sms = sendSms(state, { from: recipient.proxyIdentifier, to: recipient.identifier, body, honourOptOut: state.proxy.respectSmsStopFilter });
    const interaction = recordInteraction(state, {
      session,
      from: channelParticipant,
      to: recipient,
      body,
      inboundResource: { sid: message.sid, type: 'Chat', status: 'delivered' },
      outboundResource: { sid: sms.sid, type: 'Message', status: sms.status },
    });
    relayFor(sms, { product: 'proxy', interactionSid: interaction.sid });
    smsSids.push(sms.sid);
  }
  return smsSids;
}

function triggerStudioWebhook(state: SandboxState, channel: ChatChannel, message: ChatMessage): string | undefined {
  if (!channel.studioWebhook) return undefined;
  const flow = state.studio.flows.get(channel.studioWebhook.flowSid);
  if (!flow) return undefined;
  const flexChannel = state.flex.channels.get(channel.sid);
  const flexFlow = flexChannel && state.flex.flows.get(flexChannel.flexFlowSid);
  const execution = triggerExecution(state, flow, {
    from: flexChannel?.target ?? message.from,
    to: flexFlow?.contactIdentity ?? '',
    body: message.body ?? '',
    channelSid: channel.sid,
    messageSid: message.sid,
  });
  return execution.sid;
}
