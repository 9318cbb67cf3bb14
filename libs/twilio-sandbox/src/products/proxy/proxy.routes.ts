import type { SandboxState, StateRef } from '../../core/state';
import { found } from '../../http/lookup';
import type { Params } from '../../http/params';
import { resourceRoutes } from '../../http/resource-routes';
import type { Route, TwilioRequest } from '../../http/route';
import type { SerializeContext } from '../../http/serialize-context';
import { invalidParameter } from '../../http/twilio-error';
import { callbackUrl } from '../../http/callback-url';
import { addNumberToPool, removeNumberFromPool } from './proxy-phone-numbers.service';
import { addParticipant, createSession, deleteSession, removeParticipant, updateService, updateSession, type NewParticipant } from './proxy.service';
import { GEO_MATCH_LEVELS, NUMBER_SELECTION_BEHAVIORS, SESSION_MODES, type MessageInteraction, type ProxyPhoneNumber } from './proxy.store';
import {
  serializeInteraction,
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

function involves(interaction: MessageInteraction, participantSid: string): boolean {
  return interaction.inboundParticipantSid === participantSid || interaction.outboundParticipantSid === participantSid;
}

/** A number of the Service's pool, by PN SID or by the number itself (Proxy accepts either in the path). */
function poolNumberOf(state: SandboxState, request: TwilioRequest) {
  const service = serviceOf(state, request);
  const wanted = request.pathParams.Sid;
  return found(
    state.proxy.numbersOf(service.sid).find((number) => number.sid === wanted || number.phoneNumber === wanted),
    request,
  );
}

/** A pool number with `in_use`: the open sessions masking someone behind it. */
function numberBody(state: SandboxState, number: ProxyPhoneNumber, ctx: SerializeContext) {
  let inUse = 0;
  for (const key of state.proxy.activePairs.keys()) if (key.endsWith(`|${number.phoneNumber}`)) inUse++;
  return serializeProxyPhoneNumber(number, inUse, ctx);
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
    return {
      identifier,
      friendlyName: read('FriendlyName'),
      proxyIdentifier: read('ProxyIdentifier'),
      proxyIdentifierSid: read('ProxyIdentifierSid'),
    };
  });
}

/** Proxy v1: Services, PhoneNumbers (the pool: list, add, fetch, remove), Sessions, Participants, MessageInteractions. */
export function proxyRoutes(ref: StateRef): Route[] {
  const route = resourceRoutes(ref);
  const participants = '/proxy/v1/Services/:ServiceSid/Sessions/:SessionSid/Participants';
  return [
    route.list('/proxy/v1/Services', (_request, state) => ({ key: 'services', collection: state.proxy.services, serialize: serializeProxyService })),
    route.fetch('/proxy/v1/Services/:Sid', (request, state, ctx) => serializeProxyService(serviceOf(state, request), ctx)),
    route.update('/proxy/v1/Services/:Sid', (request, state, ctx) => {
      const params = request.params;
      const service = updateService(state, serviceOf(state, request), {
        uniqueName: params.string('UniqueName'),
        defaultTtl: params.integer('DefaultTtl', { min: 0 }),
        callbackUrl: callbackUrl(params, 'CallbackUrl'),
        interceptCallbackUrl: callbackUrl(params, 'InterceptCallbackUrl'),
        outOfSessionCallbackUrl: callbackUrl(params, 'OutOfSessionCallbackUrl'),
        geoMatchLevel: params.oneOf('GeoMatchLevel', GEO_MATCH_LEVELS),
        numberSelectionBehavior: params.oneOf('NumberSelectionBehavior', NUMBER_SELECTION_BEHAVIORS),
        chatInstanceSid: params.string('ChatInstanceSid'),
      });
      return serializeProxyService(service, ctx);
    }),
    route.list('/proxy/v1/Services/:ServiceSid/PhoneNumbers', (request, state) => {
      const items = state.proxy.numbersOf(serviceOf(state, request).sid);
      const serialize = (number: ProxyPhoneNumber, ctx: SerializeContext) => numberBody(state, number, ctx);
      return { key: 'phone_numbers', items, collection: state.proxy.numbers, serialize };
    }),
    route.create('/proxy/v1/Services/:ServiceSid/PhoneNumbers', (request, state, ctx) => {
      const params = request.params;
      const number = addNumberToPool(state, serviceOf(state, request), {
        sid: params.string('Sid'),
        phoneNumber: params.string('PhoneNumber'),
        isReserved: params.boolean('IsReserved'),
      });
      return numberBody(state, number, ctx);
    }),
    route.fetch('/proxy/v1/Services/:ServiceSid/PhoneNumbers/:Sid', (request, state, ctx) => {
      const number = poolNumberOf(state, request);
      return numberBody(state, number, ctx);
    }),
    route.delete('/proxy/v1/Services/:ServiceSid/PhoneNumbers/:Sid', (request, state) => removeNumberFromPool(state, poolNumberOf(state, request))),
    route.list('/proxy/v1/Services/:ServiceSid/Sessions', (request, state) => {
      const service = serviceOf(state, request);
      const sessions = state.proxy.sessions.filter((session) => session.serviceSid === service.sid);
      return { key: 'sessions', items: sessions, collection: state.proxy.sessions, serialize: serializeProxySession };
    }),
    route.create('/proxy/v1/Services/:ServiceSid/Sessions', (request, state, ctx) => {
      const params = request.params;
      const session = createSession(state, serviceOf(state, request), {
        uniqueName: params.string('UniqueName'),
        ttl: params.integer('Ttl', { min: 0 }),
        mode: params.oneOf('Mode', SESSION_MODES),
        status: params.oneOf('Status', ['open', 'in-progress'] as const),
        dateExpiry: params.date('DateExpiry'),
        participants: readInlineParticipants(params),
      });
      return serializeProxySession(session, ctx);
    }),
    route.fetch('/proxy/v1/Services/:ServiceSid/Sessions/:Sid', (request, state, ctx) => {
      return serializeProxySession(sessionOf(state, request, 'Sid'), ctx);
    }),
    route.update('/proxy/v1/Services/:ServiceSid/Sessions/:Sid', (request, state, ctx) => {
      const session = sessionOf(state, request, 'Sid');
      const params = request.params;
      updateSession(state, session, {
        status: params.oneOf('Status', ['in-progress', 'closed', 'open'] as const),
        ttl: params.integer('Ttl', { min: 0 }),
        dateExpiry: params.date('DateExpiry'),
      });
      return serializeProxySession(session, ctx);
    }),
    route.delete('/proxy/v1/Services/:ServiceSid/Sessions/:Sid', (request, state) => deleteSession(state, sessionOf(state, request, 'Sid'))),
    route.list(participants, (request, state) => {
      const items = state.proxy.participantsOf(sessionOf(state, request, 'SessionSid').sid);
      return { key: 'participants', items, collection: state.proxy.participants, serialize: serializeProxyParticipant };
    }),
    route.create(participants, (request, state, ctx) => {
      const params = request.params;
      const participant = addParticipant(state, serviceOf(state, request), sessionOf(state, request, 'SessionSid'), {
        identifier: params.required('Identifier'),
        friendlyName: params.string('FriendlyName'),
        proxyIdentifier: params.string('ProxyIdentifier'),
        proxyIdentifierSid: params.string('ProxyIdentifierSid'),
      });
      return serializeProxyParticipant(participant, ctx);
    }),
    route.fetch(`${participants}/:Sid`, (request, state, ctx) => serializeProxyParticipant(participantOf(state, request, 'Sid'), ctx)),
    {
      method: 'DELETE',
      pattern: `${participants}/:Sid`,
      handler: (request) => {
        removeParticipant(ref.current, participantOf(ref.current, request, 'Sid'));
        // twilio-oai declares 200 (not 204) for this delete: the sandbox answers as the spec says.
        return { status: 200 };
      },
    },
    route.list(`${participants}/:ParticipantSid/MessageInteractions`, (request, state) => {
      const participant = participantOf(state, request, 'ParticipantSid');
      const interactions = state.proxy.interactions.filter((interaction) => involves(interaction, participant.sid));
      return {
        key: 'interactions',
        items: interactions,
        collection: state.proxy.interactions,
        serialize: (interaction: MessageInteraction, ctx) => serializeMessageInteraction(interaction, participant.sid, ctx),
      };
    }),
    route.fetch(`${participants}/:ParticipantSid/MessageInteractions/:Sid`, (request, state, ctx) => {
      const participant = participantOf(state, request, 'ParticipantSid');
      const interaction = state.proxy.interactions.get(request.pathParams.Sid);
      return serializeMessageInteraction(
        found(interaction && involves(interaction, participant.sid) ? interaction : undefined, request),
        participant.sid,
        ctx,
      );
    }),
    route.list('/proxy/v1/Services/:ServiceSid/Sessions/:SessionSid/Interactions', (request, state) => {
      const session = sessionOf(state, request, 'SessionSid');
      const items = state.proxy.interactions.filter((interaction) => interaction.sessionSid === session.sid);
      return { key: 'interactions', items, collection: state.proxy.interactions, serialize: serializeInteraction };
    }),
    route.fetch('/proxy/v1/Services/:ServiceSid/Sessions/:SessionSid/Interactions/:Sid', (request, state, ctx) => {
      const session = sessionOf(state, request, 'SessionSid');
      const interaction = state.proxy.interactions.get(request.pathParams.Sid);
      return serializeInteraction(found(interaction?.sessionSid === session.sid ? interaction : undefined, request), ctx);
    }),
  ];
}
