import type { OutboundRequest, OutboundSmsResult } from './outbound.types';

/** What the look-ups read of a request: the channel or conversation of its answer, its steps, its input. */
interface RequestTrail extends Pick<OutboundRequest, 'steps' | 'input'> {
  result: Partial<Pick<OutboundSmsResult, 'channel' | 'conversation'>> | null;
}

/**
 * The conversation's chat channel: from the 201 answer when the request succeeded, else from its channel step (a
 * request that failed later, or was rolled back, still names the channel it opened).
 */
export function channelSidOf(request: Pick<RequestTrail, 'result' | 'steps'>): string | undefined {
  const fromResult = request.result?.channel?.sid;
  if (fromResult) return fromResult;
  return request.steps.find((step) => step.name === 'channel' && step.sids.channelSid)?.sids.channelSid;
}

/** Conversations mode: the request's conversation (from the answer, else from the step that made or found it). */
export function conversationSidOf(request: RequestTrail): string | undefined {
  const fromResult = request.result?.conversation?.sid;
  if (fromResult) return fromResult;
  if (request.input.mode !== 'conversations') return undefined;
  return request.steps.find((step) => (step.name === 'interaction' || step.name === 'conversation') && step.sids.conversationSid)?.sids
    .conversationSid;
}
