import type { SandboxState, StateRef } from '../../core/state';
import { found } from '../../http/lookup';
import { listPage } from '../../http/paging';
import type { Params } from '../../http/params';
import { created, noContent, ok, type Route, type TwilioRequest } from '../../http/route';
import { serializeContext } from '../../http/serialize-context';
import { invalidParameter } from '../../http/twilio-error';
import { addNumberToPool, removeNumberFromPool } from './proxy-phone-numbers.service';
import { addParticipant, createSession, deleteSession, removeParticipant, updateSession, type NewParticipant } from './proxy.service';
import { SESSION_MODES } from './proxy.store';
import {
  serializeMessageInteraction,
  serializeProxyParticipant,
  serializeProxyPhoneNumber,
  serializeProxyService,
  serializeProxySession,
} from './proxy.serializers';

function serviceOf(state: SandboxState, request: TwilioRequest) {
  return found(state.proxy.services.get(request.pathParams.ServiceSid ?? request.pathParams.Sid), request);
}

function sessionOf(state: SandboxState, request: TwilioRequest, param: 'Sid' | 'SessionSid') {
  const service = serviceOf(state, request);
  return found(state.proxy.findSession(service.sid, request.pathParams[param]), request);
}

function participantOf(state: SandboxState, request: TwilioRequest, param: 'Sid' | 'ParticipantSid') {
  const session = sessionOf(state, request, 'SessionSid');
  const participant = state.proxy.participants.get(request.pathParams[param]);
  return found(participant?.sessionSid === session.sid ? participant : undefined, request);
}

/** A number of the Service's pool, by PN SID or by the number itself (Proxy accepts either in the path). */
function poolNumberOf(state: SandboxState, request: TwilioRequest) {
  const service = serviceOf(state, request);
  const wanted = request.pathParams.Sid;
  return found(state.proxy.numbersOf(service.sid).find((number) => number.sid === wanted || number.phoneNumber === wanted), request);
}

/** Open sessions masking someone behind the number (`in_use`). */
function inUseCount(state: SandboxState, phoneNumber: string): number {
  let count = 0;
  for (const key of state.proxy.activePairs.keys()) if (key.endsWith(`|${phoneNumber}`)) count++;
  return count;
}

/**
 * `Participants` on Session create: the SDK sends each participant as a JSON object in its own form value, the
 * original Functions one JSON array of them (Params.objects reads both). Twilio's examples write the keys in
 * PascalCase; camelCase is read too.
 */
function readInlineParticipants(params: Params): NewParticipant[] {
  return params.objects('Participants').map((value) => {
    const read = (name: string) => {
      const found = value[name] ?? value[name.charAt(0).toLowerCase() + name.slice(1)];
      return typeof found === 'string' ? found : undefined;
    };
    const identifier = read('Identifier');
    if (!identifier) throw invalidParameter('Participants', 'each participant needs an Identifier');
    return { identifier, friendlyName: read('FriendlyName'), proxyIdentifier: read('ProxyIdentifier'), proxyIdentifierSid: read('ProxyIdentifierSid') };
  });
}

/** Proxy v1: Services, PhoneNumbers (the pool: list, add, fetch, remove), Sessions, Participants, MessageInteractions. */
export function proxyRoutes(ref: StateRef): Route[] {
  return [
    {
      method: 'GET',
      pattern: '/proxy/v1/Services',
      handler: (request) => {
        const state = ref.current;
        const ctx = serializeContext(state, request);
        return ok(listPage(request, state.proxy.services.values(), { key: 'services', serialize: (service) => serializeProxyService(service, ctx), sequenceOf: (sid) => state.proxy.services.sequenceOf(sid) }));
      },
    },
    {
      method: 'GET',
      pattern: '/proxy/v1/Services/:Sid',
      handler: (request) => ok(serializeProxyService(serviceOf(ref.current, request), serializeContext(ref.current, request))),
    },
    {
      method: 'GET',
      pattern: '/proxy/v1/Services/:ServiceSid/PhoneNumbers',
      handler: (request) => {
        const state = ref.current;
        const service = serviceOf(state, request);
        const ctx = serializeContext(state, request);
        return ok(listPage(request, state.proxy.numbersOf(service.sid), {
          key: 'phone_numbers',
          serialize: (number) => serializeProxyPhoneNumber(number, inUseCount(state, number.phoneNumber), ctx),
          sequenceOf: (sid) => state.proxy.numbers.sequenceOf(sid),
        }));
      },
    },
    {
      method: 'POST',
      pattern: '/proxy/v1/Services/:ServiceSid/PhoneNumbers',
      handler: (request) => {
        const state = ref.current;
        const service = serviceOf(state, request);
        const params = request.params;
        const number = addNumberToPool(state, service, { sid: params.string('Sid'), phoneNumber: params.string('PhoneNumber'), isReserved: params.boolean('IsReserved') });
        return created(serializeProxyPhoneNumber(number, inUseCount(state, number.phoneNumber), serializeContext(state, request)));
      },
    },
    {
      method: 'GET',
      pattern: '/proxy/v1/Services/:ServiceSid/PhoneNumbers/:Sid',
      handler: (request) => {
        const state = ref.current;
        const number = poolNumberOf(state, request);
        return ok(serializeProxyPhoneNumber(number, inUseCount(state, number.phoneNumber), serializeContext(state, request)));
      },
    },
    {
      method: 'DELETE',
      pattern: '/proxy/v1/Services/:ServiceSid/PhoneNumbers/:Sid',
      handler: (request) => {
        removeNumberFromPool(ref.current, poolNumberOf(ref.current, request));
        return noContent();
      },
    },
    {
      method: 'GET',
      pattern: '/proxy/v1/Services/:ServiceSid/Sessions',
      handler: (request) => {
        const state = ref.current;
        const service = serviceOf(state, request);
        const sessions = state.proxy.sessions.filter((session) => session.serviceSid === service.sid);
        const ctx = serializeContext(state, request);
        return ok(listPage(request, sessions, { key: 'sessions', serialize: (session) => serializeProxySession(session, ctx), sequenceOf: (sid) => state.proxy.sessions.sequenceOf(sid) }));
      },
    },
    {
      method: 'POST',
      pattern: '/proxy/v1/Services/:ServiceSid/Sessions',
      handler: (request) => {
        const state = ref.current;
        const service = serviceOf(state, request);
        const params = request.params;
        const session = createSession(state, service, {
          uniqueName: params.string('UniqueName'),
          ttl: params.integer('Ttl', { min: 0 }),
          mode: params.oneOf('Mode', SESSION_MODES),
          status: params.oneOf('Status', ['open', 'in-progress'] as const),
          dateExpiry: params.date('DateExpiry'),
          participants: readInlineParticipants(params),
        });
        return created(serializeProxySession(session, serializeContext(state, request)));
      },
    },
    {
      method: 'GET',
      pattern: '/proxy/v1/Services/:ServiceSid/Sessions/:Sid',
      handler: (request) => ok(serializeProxySession(sessionOf(ref.current, request, 'Sid'), serializeContext(ref.current, request))),
    },
    {
      method: 'POST',
      pattern: '/proxy/v1/Services/:ServiceSid/Sessions/:Sid',
      handler: (request) => {
        const state = ref.current;
        const session = sessionOf(state, request, 'Sid');
        const params = request.params;
        updateSession(state, session, {
          status: params.oneOf('Status', ['in-progress', 'closed', 'open'] as const),
          ttl: params.integer('Ttl', { min: 0 }),
          dateExpiry: params.date('DateExpiry'),
        });
        return ok(serializeProxySession(session, serializeContext(state, request)));
      },
    },
    {
      method: 'DELETE',
      pattern: '/proxy/v1/Services/:ServiceSid/Sessions/:Sid',
      handler: (request) => {
        deleteSession(ref.current, sessionOf(ref.current, request, 'Sid'));
        return noContent();
      },
    },
    {
      method: 'GET',
      pattern: '/proxy/v1/Services/:ServiceSid/Sessions/:SessionSid/Participants',
      handler: (request) => {
        const state = ref.current;
        const session = sessionOf(state, request, 'SessionSid');
        const ctx = serializeContext(state, request);
        return ok(listPage(request, state.proxy.participantsOf(session.sid), { key: 'participants', serialize: (participant) => serializeProxyParticipant(participant, ctx), sequenceOf: (sid) => state.proxy.participants.sequenceOf(sid) }));
      },
    },
    {
      method: 'POST',
      pattern: '/proxy/v1/Services/:ServiceSid/Sessions/:SessionSid/Participants',
      handler: (request) => {
        const state = ref.current;
        const service = serviceOf(state, request);
        const session = sessionOf(state, request, 'SessionSid');
        const params = request.params;
        const participant = addParticipant(state, service, session, {
          identifier: params.required('Identifier'),
          friendlyName: params.string('FriendlyName'),
          proxyIdentifier: params.string('ProxyIdentifier'),
          proxyIdentifierSid: params.string('ProxyIdentifierSid'),
        });
        return created(serializeProxyParticipant(participant, serializeContext(state, request)));
      },
    },
    {
      method: 'GET',
      pattern: '/proxy/v1/Services/:ServiceSid/Sessions/:SessionSid/Participants/:Sid',
      handler: (request) => ok(serializeProxyParticipant(participantOf(ref.current, request, 'Sid'), serializeContext(ref.current, request))),
    },
    {
      method: 'DELETE',
      pattern: '/proxy/v1/Services/:ServiceSid/Sessions/:SessionSid/Participants/:Sid',
      handler: (request) => {
        removeParticipant(ref.current, participantOf(ref.current, request, 'Sid'));
        // twilio-oai declares 200 (not 204) for this delete: the sandbox answers as the spec says.
        return { status: 200 };
      },
    },
    {
      method: 'GET',
      pattern: '/proxy/v1/Services/:ServiceSid/Sessions/:SessionSid/Participants/:ParticipantSid/MessageInteractions',
      handler: (request) => {
        const state = ref.current;
        const participant = participantOf(state, request, 'ParticipantSid');
        const interactions = state.proxy.interactions.filter(
          (interaction) => interaction.inboundParticipantSid === participant.sid || interaction.outboundParticipantSid === participant.sid,
        );
        const ctx = serializeContext(state, request);
        return ok(listPage(request, interactions, { key: 'interactions', serialize: (interaction) => serializeMessageInteraction(interaction, participant.sid, ctx), sequenceOf: (sid) => state.proxy.interactions.sequenceOf(sid) }));
      },
    },
  ];
}
