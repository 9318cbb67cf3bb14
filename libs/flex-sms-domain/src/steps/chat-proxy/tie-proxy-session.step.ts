import { DuplicateUniqueName, ParticipantConflict, ProxyIdentifierInUse } from '../../errors';
import type { ProxySession } from '../../ports/proxy-session.port';
import { IDEMPOTENT } from '../../retry/twilio-retrier';
import type { OutboundSmsDependencies } from '../../outbound/outbound-dependencies';
import { isLiveSession, proxySessionRequest } from './proxy-session-rules';
import { resolveParticipantConflict, type ConflictContext } from './resolve-participant-conflict';
import type { StepRecorder } from '../../outbound/step-recorder';

export interface TieProxySessionRequest extends ConflictContext {
  /** A channel this request just created cannot have a session yet, so the look-up is skipped. */
  channelCreated: boolean;
}

export interface TiedSession {
  session: ProxySession;
  reused: boolean;
}

type Deps = Pick<OutboundSmsDependencies, 'proxySessions' | 'chatChannels' | 'journal' | 'retrier' | 'clock'>;

/**
 * Ties the chat channel to the customer's phone with a Proxy session named after the channel: the channel's live
 * session is reused; otherwise one is created (with one recovery each for a taken UniqueName and a stale conflict).
 */
export function tieProxySession(deps: Deps, steps: StepRecorder, request: TieProxySessionRequest): Promise<TiedSession> {
  return steps.run('proxy-session', async () => {
    const tied = await establish(deps, steps, request);
    return {
      value: tied,
      outcome: tied.reused ? 'reused' : 'created',
      sids: { sessionSid: tied.session.sid, channelSid: request.channelSid },
    };
  });
}

async function establish(deps: Deps, steps: StepRecorder, request: TieProxySessionRequest): Promise<TiedSession> {
  if (!request.channelCreated) {
    const existing = await liveSessionOfChannel(deps, steps, request.channelSid);
    if (existing) return { session: existing, reused: true };
  }
  return create(deps, steps, request, { afterDuplicate: false, afterConflict: false });
}

async function create(
  deps: Deps,
  steps: StepRecorder,
  request: TieProxySessionRequest,
  recovered: { afterDuplicate: boolean; afterConflict: boolean },
): Promise<TiedSession> {
  try {
    const session = await deps.retrier.run('create Proxy session', () => deps.proxySessions.createSession(proxySessionRequest(request)), {
      // A create that may or may not have happened is found by its UniqueName before it is sent again.
      kind: 'lookup-before-repeat',
      lookup: async () => {
        const made = await deps.proxySessions.fetchSession(request.channelSid);
        return made && isLiveSession(made) ? made : null;
      },
    });
    return { session, reused: false };
  } catch (error) {
    if (error instanceof DuplicateUniqueName && !recovered.afterDuplicate) {
      const existing = await liveSessionOfChannel(deps, steps, request.channelSid);
      if (existing) return { session: existing, reused: true };
      return create(deps, steps, request, { ...recovered, afterDuplicate: true });
    }
    if (error instanceof ProxyIdentifierInUse) {
      if (recovered.afterConflict) {
        throw new ParticipantConflict({ customerNumber: request.toNumber.e164, proxyNumber: request.fromNumber.e164 }, error.twilioCode);
      }
      const resolution = await resolveParticipantConflict(deps, steps, request, error);
      if (resolution.kind === 'reuse') return { session: resolution.session, reused: true };
      return create(deps, steps, request, { ...recovered, afterConflict: true });
    }
    throw error;
  }
}

/**
 * The live session named after the channel. A closed one is deleted: it still holds the UniqueName, and a closed
 * session must never be handed back as reusable.
 */
async function liveSessionOfChannel(deps: Deps, steps: StepRecorder, channelSid: string): Promise<ProxySession | null> {
  const session = await deps.retrier.run('fetch Proxy session', () => deps.proxySessions.fetchSession(channelSid), IDEMPOTENT);
  if (!session) return null;
  if (isLiveSession(session)) return session;
  await steps.run('stale-session', async () => {
    await deps.retrier.run('remove closed Proxy session', () => deps.proxySessions.removeSession(session.sid), IDEMPOTENT);
    return { value: undefined, outcome: 'removed', sids: { sessionSid: session.sid, channelSid }, data: { status: session.status } };
  });
  return null;
}
