import { ParticipantConflict, ResourceNotFound, type ProxyIdentifierInUse } from '../../errors';
import type { ProxyParticipant, ProxySession } from '../../ports/proxy-session.port';
import { IDEMPOTENT } from '../../retry/twilio-retrier';
import { PhoneNumber } from '../../value-objects/phone-number.value-object';
import { Sid } from '../../value-objects/sid.value-object';
import type { OutboundSmsDependencies } from '../../outbound/outbound-dependencies';
import { isChannelInactive, isLiveSession, taskSidOfChannel, type ConversationParties } from './proxy-session-rules';
import type { StepRecorder } from '../../outbound/step-recorder';

/** At most this many of the customer's other channels are inspected for the conflicting session. */
export const MAX_CONFLICT_CANDIDATES = 20;

export interface ConflictContext extends ConversationParties {
  chatServiceSid: string;
  identity: string;
}

export type ConflictResolution = { kind: 'reuse'; session: ProxySession } | { kind: 'retry' };

type Deps = Pick<OutboundSmsDependencies, 'proxySessions' | 'chatChannels' | 'journal' | 'retrier' | 'clock'>;

/**
 * Proxy refused the customer because they are already active with this Twilio number in another session.
 * - that session belongs to our channel → reuse it;
 * - it belongs to a channel that is gone or inactive → it is stale: close it, and the caller retries once;
 * - otherwise a live conversation owns the customer → `ParticipantConflict` naming it, for a person to act on.
 */
export async function resolveParticipantConflict(
  deps: Deps,
  steps: StepRecorder,
  context: ConflictContext,
  error: ProxyIdentifierInUse,
): Promise<ConflictResolution> {
  const conflict = { customerNumber: context.toNumber.e164, proxyNumber: context.fromNumber.e164 };
  const found = await locateConflictingSession(deps, context, error);
  if (!found) throw new ParticipantConflict(conflict, error.twilioCode);

  const channelSid = channelOfSession(found.session, found.participants);
  if (channelSid === context.channelSid) return { kind: 'reuse', session: found.session };

  const channel = channelSid
    ? await deps.retrier.run('fetch chat channel', () => deps.chatChannels.fetchChannel(context.chatServiceSid, channelSid), IDEMPOTENT)
    : null;
  if (channel && !isChannelInactive(channel)) {
    throw new ParticipantConflict(
      { ...conflict, conflictingSessionSid: found.session.sid, conflictingChannelSid: channel.sid, conflictingTaskSid: taskSidOfChannel(channel) },
      error.twilioCode,
    );
  }

  await steps.run('stale-session', async () => {
    await deps.retrier.run('close stale Proxy session', () => deps.proxySessions.closeSession(found.session.sid), IDEMPOTENT);
    const sids: Record<string, string> = { sessionSid: found.session.sid };
    if (channelSid) sids.channelSid = channelSid;
    return { value: undefined, outcome: 'closed', sids, data: { reason: channel ? 'channel inactive' : 'channel gone' } };
  });
  return { kind: 'retry' };
}

/**
 * Finds the live session holding the customer with this Twilio number without listing the service's sessions:
 * Twilio's error may name it; otherwise it is the session of one of the customer's own chat channels (named after
 * them), or of a channel an earlier request for this pair made and that was deleted since (the journal knows it).
 */
async function locateConflictingSession(
  deps: Deps,
  context: ConflictContext,
  error: ProxyIdentifierInUse,
): Promise<{ session: ProxySession; participants: ProxyParticipant[] } | null> {
  const candidates = error.conflictingSessionSid ? [error.conflictingSessionSid] : await candidateChannels(deps, context);

  for (const candidate of candidates.slice(0, MAX_CONFLICT_CANDIDATES)) {
    const session = await deps.retrier.run('fetch Proxy session', () => deps.proxySessions.fetchSession(candidate), IDEMPOTENT);
    if (!session || !isLiveSession(session)) continue;
    const participants = await deps.retrier.run('list Proxy participants', () => deps.proxySessions.listParticipants(session.sid), IDEMPOTENT);
    const holdsCustomer = participants.some(
      (participant) =>
        PhoneNumber.tryParse(participant.identifier)?.equals(context.toNumber) &&
        PhoneNumber.tryParse(participant.proxyIdentifier)?.equals(context.fromNumber),
    );
    if (holdsCustomer) return { session, participants };
  }
  return null;
}

/** Channels whose session may hold the customer: theirs on the chat service first, then the journal's for the pair. */
async function candidateChannels(deps: Deps, context: ConflictContext): Promise<string[]> {
  const [current, journaled] = await Promise.all([
    customerChannels(deps, context),
    deps.journal.recentChannelsOfPair(context.fromNumber.e164, context.toNumber.e164, MAX_CONFLICT_CANDIDATES),
  ]);
  return [...new Set([...current, ...journaled])].filter((sid) => sid !== context.channelSid);
}

/** The customer's chat channels; none when they have no chat user on the service (the conflict came from elsewhere). */
async function customerChannels(deps: Deps, context: ConflictContext): Promise<string[]> {
  try {
    return await deps.retrier.run(
      'list the customer chat channels',
      () => deps.chatChannels.listChannelsOfUser(context.chatServiceSid, context.identity),
      IDEMPOTENT,
    );
  } catch (error) {
    if (error instanceof ResourceNotFound) return [];
    throw error;
  }
}

/** The chat channel a Flex session serves: its channel participant, else its UniqueName (Flex names it so). */
function channelOfSession(session: ProxySession, participants: ProxyParticipant[]): string | undefined {
  const channelParticipant = participants.find((participant) => Sid.isSid(participant.identifier, 'CH'));
  if (channelParticipant) return channelParticipant.identifier;
  return Sid.isSid(session.uniqueName, 'CH') ? session.uniqueName : undefined;
}
