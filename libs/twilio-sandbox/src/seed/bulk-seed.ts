import type { SandboxState } from '../core/state';
import { TwilioError } from '../http/twilio-error';
import { createChannel } from '../products/chat/chat.service';
import { createSession, updateSession } from '../products/proxy/proxy.service';

/** Upper bound of one bulk seed call: enough for request-count tests, small enough to stay fast. */
export const MAX_BULK_SEED = 20_000;

function checkCount(count: unknown): number {
  if (!(Number.isInteger(count) && (count as number) >= 1 && (count as number) <= MAX_BULK_SEED)) {
    throw new TwilioError(400, 20001, `count must be an integer between 1 and ${MAX_BULK_SEED}`);
  }
  return count as number;
}

/**
 * Seeds Flex-like Proxy sessions in bulk: each pairs a distinct customer number (+1555030xxxx…) with its own chat
 * channel, on the demo Proxy service, through the same code paths as the API (indexes and conflicts included).
 */
export function seedProxySessions(state: SandboxState, input: { count: unknown; status?: unknown }): string[] {
  const count = checkCount(input.count);
  const status = input.status ?? 'open';
  if (status !== 'open' && status !== 'in-progress' && status !== 'closed') {
    throw new TwilioError(400, 20001, 'status must be open, in-progress or closed');
  }
  const service = state.proxy.services.values()[0];
  const chatService = service?.chatInstanceSid ? state.chat.services.get(service.chatInstanceSid) : undefined;
  if (!service || !chatService) throw new TwilioError(400, 20001, 'The account has no Proxy service tied to a Chat service');
  const pool = state.proxy.numbersOf(service.sid);
  const offset = state.proxy.sessions.size;
  const sids: string[] = [];
  for (let i = 0; i < count; i++) {
    const customer = `+1555${String(3_000_000 + offset + i).padStart(7, '0')}`;
    const channel = createChannel(state, chatService, {
      friendlyName: customer,
      attributes: JSON.stringify({ status: 'ACTIVE', from: customer, channel_type: 'sms' }),
    });
    const session = createSession(state, service, {
      uniqueName: channel.sid,
      mode: 'message-only',
      participants: [
        { identifier: customer, proxyIdentifier: pool[i % pool.length]?.phoneNumber, friendlyName: customer },
        { identifier: channel.sid, friendlyName: customer },
      ],
    });
    if (status !== 'open') updateSession(state, session, { status });
    sids.push(session.sid);
  }
  return sids;
}

/** Seeds disabled Studio Flex Flows in bulk ("Seeded Flex Flow N"), for paging and request-count tests. */
export function seedFlexFlows(state: SandboxState, input: { count: unknown }): string[] {
  const count = checkCount(input.count);
  const chatService = state.chat.services.values()[0];
  const studioFlow = state.studio.flows.values()[0];
  if (!chatService || !studioFlow) throw new TwilioError(400, 20001, 'The account has no Chat service or Studio flow');
  const offset = state.flex.flows.size;
  const sids: string[] = [];
  for (let i = 0; i < count; i++) {
    const now = state.now();
    sids.push(
      state.flex.flows.add({
        sid: state.sid('FO'),
        friendlyName: `Seeded Flex Flow ${offset + i + 1}`,
        chatServiceSid: chatService.sid,
        channelType: 'sms',
        contactIdentity: null,
        enabled: false,
        integrationType: 'studio',
        integration: { flow_sid: studioFlow.sid },
        longLived: false,
        janitorEnabled: false,
        dateCreated: now,
        dateUpdated: now,
      }).sid,
    );
  }
  return sids;
}
