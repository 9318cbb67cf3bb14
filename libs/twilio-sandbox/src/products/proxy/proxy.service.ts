import { TwilioError, invalidParameter } from '../../http/twilio-error';
import type { SandboxState } from '../../core/state';
import { ProxyStore, isSessionOpen, type ProxyParticipant, type ProxyService, type ProxySession, type SessionMode } from './proxy.store';
import {
  noAvailableProxy,
  participantConflict,
  proxyIdentifierInUse,
  proxyIdentifierNotInService,
  sessionUniqueNameTaken,
  tooManyParticipants,
} from './proxy.errors';

const MAX_PARTICIPANTS = 2;

export interface NewParticipant {
  identifier: string;
  friendlyName?: string | null;
  proxyIdentifier?: string | null;
  proxyIdentifierSid?: string | null;
}

/** Phone participants get a proxy number; a chat channel participant (CH…) is reached through Chat instead. */
function needsProxyNumber(identifier: string): boolean {
  return !/^CH[0-9a-f]{32}$/.test(identifier);
}

interface PlannedParticipant extends NewParticipant {
  proxyIdentifier: string | null;
  proxyIdentifierSid: string | null;
}

/** Chooses the participant's proxy number, refusing a pair that is already active in an open Session. */
function planParticipant(state: SandboxState, service: ProxyService, input: NewParticipant, reserved: Set<string>): PlannedParticipant {
  if (!input.identifier) throw new TwilioError(400, 20001, 'Missing required parameter Identifier in the post body');
  if (!needsProxyNumber(input.identifier)) return { ...input, proxyIdentifier: null, proxyIdentifierSid: null };
  const pool = state.proxy.numbersOf(service.sid);
  const requested = input.proxyIdentifierSid ?? input.proxyIdentifier;
  if (requested) {
    const number = pool.find((candidate) => candidate.sid === requested || candidate.phoneNumber === requested);
    if (!number) throw proxyIdentifierNotInService(requested);
    const pair = ProxyStore.key(input.identifier, number.phoneNumber);
    if (state.proxy.activePairs.has(pair) || reserved.has(pair)) throw participantConflict(input.identifier, number.phoneNumber);
    return { ...input, proxyIdentifier: number.phoneNumber, proxyIdentifierSid: number.sid };
  }
  const free = pool.find((number) => {
    const pair = ProxyStore.key(input.identifier, number.phoneNumber);
    return !state.proxy.activePairs.has(pair) && !reserved.has(pair);
  });
  if (!free) throw noAvailableProxy(input.identifier);
  return { ...input, proxyIdentifier: free.phoneNumber, proxyIdentifierSid: free.sid };
}

function insertParticipant(state: SandboxState, session: ProxySession, planned: PlannedParticipant): ProxyParticipant {
  const now = state.now();
  const participant = state.proxy.participants.add({
    sid: state.sid('KP'),
    sessionSid: session.sid,
    serviceSid: session.serviceSid,
    identifier: planned.identifier,
    friendlyName: planned.friendlyName ?? null,
    proxyIdentifier: planned.proxyIdentifier,
    proxyIdentifierSid: planned.proxyIdentifierSid,
    dateCreated: now,
    dateUpdated: now,
  });
  state.proxy.participantsBySession.set(session.sid, [...(state.proxy.participantsBySession.get(session.sid) ?? []), participant.sid]);
  let byIdentifier = state.proxy.participantsByIdentifier.get(participant.identifier);
  if (!byIdentifier) state.proxy.participantsByIdentifier.set(participant.identifier, (byIdentifier = new Set()));
  byIdentifier.add(participant.sid);
  if (isSessionOpen(session)) activatePair(state, participant);
  return participant;
}

function activatePair(state: SandboxState, participant: ProxyParticipant): void {
  if (participant.proxyIdentifier) state.proxy.activePairs.set(ProxyStore.key(participant.identifier, participant.proxyIdentifier), participant.sid);
}

function deactivatePair(state: SandboxState, participant: ProxyParticipant): void {
  if (!participant.proxyIdentifier) return;
  const key = ProxyStore.key(participant.identifier, participant.proxyIdentifier);
  if (state.proxy.activePairs.get(key) === participant.sid) state.proxy.activePairs.delete(key);
}

export interface NewSession {
  uniqueName?: string;
  ttl?: number;
  mode?: SessionMode;
  status?: 'open' | 'in-progress';
  dateExpiry?: Date;
  participants?: NewParticipant[];
}

/** Creates a Session and its inline Participants all or nothing: every check runs before the first write. */
export function createSession(state: SandboxState, service: ProxyService, input: NewSession): ProxySession {
  if (input.uniqueName && state.proxy.sessionByUniqueName.has(ProxyStore.key(service.sid, input.uniqueName))) {
    throw sessionUniqueNameTaken(input.uniqueName);
  }
  const participants = input.participants ?? [];
  if (participants.length > MAX_PARTICIPANTS) throw tooManyParticipants();
  const reserved = new Set<string>();
  const planned = participants.map((participant) => {
    const plan = planParticipant(state, service, participant, reserved);
    if (plan.proxyIdentifier) reserved.add(ProxyStore.key(plan.identifier, plan.proxyIdentifier));
    return plan;
  });
  const now = state.now();
  const ttl = input.ttl ?? service.defaultTtl;
  const session = state.proxy.sessions.add({
    sid: state.sid('KC'),
    serviceSid: service.sid,
    uniqueName: input.uniqueName ?? null,
    status: input.status ?? 'open',
    mode: input.mode ?? 'voice-and-message',
    ttl,
    dateExpiry: input.dateExpiry ?? (ttl > 0 ? new Date(now.getTime() + ttl * 1000) : null),
    dateStarted: now,
    dateEnded: null,
    dateLastInteraction: null,
    closedReason: null,
    dateCreated: now,
    dateUpdated: now,
  });
  if (session.uniqueName) state.proxy.sessionByUniqueName.set(ProxyStore.key(service.sid, session.uniqueName), session.sid);
  for (const plan of planned) insertParticipant(state, session, plan);
  return session;
}

export function addParticipant(state: SandboxState, service: ProxyService, session: ProxySession, input: NewParticipant): ProxyParticipant {
  if (state.proxy.participantsOf(session.sid).length >= MAX_PARTICIPANTS) throw tooManyParticipants();
  return insertParticipant(state, session, planParticipant(state, service, input, new Set()));
}

export function removeParticipant(state: SandboxState, participant: ProxyParticipant): void {
  deactivatePair(state, participant);
  state.proxy.participants.delete(participant.sid);
  state.proxy.participantsBySession.set(
    participant.sessionSid,
    (state.proxy.participantsBySession.get(participant.sessionSid) ?? []).filter((sid) => sid !== participant.sid),
  );
  state.proxy.participantsByIdentifier.get(participant.identifier)?.delete(participant.sid);
}

export interface SessionChanges {
  status?: 'in-progress' | 'closed' | 'open';
  ttl?: number;
  dateExpiry?: Date;
}

export function updateSession(state: SandboxState, session: ProxySession, changes: SessionChanges): ProxySession {
  const participants = state.proxy.participantsOf(session.sid);
  const now = state.now();
  if (changes.status === 'closed' && isSessionOpen(session)) {
    participants.forEach((participant) => deactivatePair(state, participant));
    session.status = 'closed';
    session.dateEnded = now;
  } else if ((changes.status === 'in-progress' || changes.status === 'open') && !isSessionOpen(session)) {
    for (const participant of participants) {
      const holder = participant.proxyIdentifier && state.proxy.activePairs.get(ProxyStore.key(participant.identifier, participant.proxyIdentifier));
      if (holder && holder !== participant.sid) throw proxyIdentifierInUse(participant.identifier, participant.proxyIdentifier as string);
    }
    participants.forEach((participant) => activatePair(state, participant));
    session.status = changes.status;
    session.dateEnded = null;
    session.closedReason = null;
  } else if (changes.status && changes.status !== session.status && changes.status !== 'open') {
    session.status = changes.status;
  }
  if (changes.ttl !== undefined) {
    if (changes.ttl < 0) throw invalidParameter('Ttl', 'must not be negative');
    session.ttl = changes.ttl;
  }
  if (changes.dateExpiry !== undefined) session.dateExpiry = changes.dateExpiry;
  session.dateUpdated = now;
  return session;
}

export interface ServiceChanges {
  uniqueName?: string;
  defaultTtl?: number;
  callbackUrl?: string;
  interceptCallbackUrl?: string;
  outOfSessionCallbackUrl?: string;
  geoMatchLevel?: ProxyService['geoMatchLevel'];
  numberSelectionBehavior?: ProxyService['numberSelectionBehavior'];
  chatInstanceSid?: string;
}

/** Service update: each parameter sent replaces the field; an empty URL clears it. */
export function updateService(state: SandboxState, service: ProxyService, changes: ServiceChanges): ProxyService {
  const url = (value: string | undefined, current: string | null | undefined) => (value === undefined ? (current ?? null) : value || null);
  if (changes.uniqueName !== undefined) service.uniqueName = changes.uniqueName;
  if (changes.defaultTtl !== undefined) service.defaultTtl = changes.defaultTtl;
  if (changes.chatInstanceSid !== undefined) service.chatInstanceSid = changes.chatInstanceSid || null;
  if (changes.geoMatchLevel !== undefined) service.geoMatchLevel = changes.geoMatchLevel;
  if (changes.numberSelectionBehavior !== undefined) service.numberSelectionBehavior = changes.numberSelectionBehavior;
  service.callbackUrl = url(changes.callbackUrl, service.callbackUrl);
  service.interceptCallbackUrl = url(changes.interceptCallbackUrl, service.interceptCallbackUrl);
  service.outOfSessionCallbackUrl = url(changes.outOfSessionCallbackUrl, service.outOfSessionCallbackUrl);
  service.dateUpdated = state.now();
  return service;
}

export function deleteSession(state: SandboxState, session: ProxySession): void {
  for (const participant of state.proxy.participantsOf(session.sid)) removeParticipant(state, participant);
  state.proxy.participantsBySession.delete(session.sid);
  if (session.uniqueName) state.proxy.sessionByUniqueName.delete(ProxyStore.key(session.serviceSid, session.uniqueName));
  state.proxy.sessions.delete(session.sid);
  for (const interaction of state.proxy.interactions.filter((candidate) => candidate.sessionSid === session.sid)) {
    state.proxy.interactions.delete(interaction.sid);
  }
}

export interface InteractionRecord {
  session: ProxySession;
  from: ProxyParticipant;
  to: ProxyParticipant;
  body: string;
  inboundResource: { sid: string; type: string; status: string };
  outboundResource: { sid: string; type: string; status: string };
}

/** Records a relayed message; the first interaction moves the Session from `open` to `in-progress`. */
export function recordInteraction(state: SandboxState, record: InteractionRecord) {
  const now = state.now();
  const interaction = state.proxy.interactions.add({
    sid: state.sid('KI'),
    sessionSid: record.session.sid,
    serviceSid: record.session.serviceSid,
    data: JSON.stringify({ body: record.body }),
    inboundParticipantSid: record.from.sid,
    inboundResourceSid: record.inboundResource.sid,
    inboundResourceType: record.inboundResource.type,
    outboundParticipantSid: record.to.sid,
    outboundResourceSid: record.outboundResource.sid,
    outboundResourceType: record.outboundResource.type,
    inboundResourceStatus: record.inboundResource.status,
    outboundResourceStatus: record.outboundResource.status,
    dateCreated: now,
    dateUpdated: now,
  });
  if (record.session.status === 'open') record.session.status = 'in-progress';
  record.session.dateLastInteraction = now;
  record.session.dateUpdated = now;
  return interaction;
}
