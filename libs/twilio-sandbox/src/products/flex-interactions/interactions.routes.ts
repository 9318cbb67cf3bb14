import type { SandboxState, StateRef } from '../../core/state';
import { found } from '../../http/lookup';
import { listPage } from '../../http/paging';
import { created, ok, type Route, type TwilioRequest } from '../../http/route';
import { serializeContext } from '../../http/serialize-context';
import { settleAllTimers } from '../conversations/conversations.service';
import { addChannelParticipant, createInvite, updateChannelParticipant, updateInteractionChannel } from './interaction-channels.service';
import { createInteraction } from './interactions.service';
import { INTERACTION_PARTICIPANT_TYPES } from './interactions.store';
import { serializeInteraction, serializeInteractionChannel, serializeInteractionInvite, serializeInteractionParticipant } from './interactions.serializers';

/** Interactions sit on Conversations: bindings and states must be as the conversation timers have left them. */
function settled(ref: StateRef): SandboxState {
  settleAllTimers(ref.current);
  return ref.current;
}

function interactionOf(state: SandboxState, request: TwilioRequest) {
  return found(state.interactions.interactions.get(request.pathParams.InteractionSid ?? request.pathParams.Sid), request);
}

function channelOf(state: SandboxState, request: TwilioRequest) {
  const interaction = interactionOf(state, request);
  return found(state.interactions.channelOf(interaction.sid, request.pathParams.ChannelSid ?? request.pathParams.Sid), request);
}

/** Flex API v1 Interactions: Interactions, their Channels, and each channel's Invites and Participants. */
export function interactionsRoutes(ref: StateRef): Route[] {
  return [
    {
      method: 'POST',
      pattern: '/flex-api/v1/Interactions',
      handler: (request) => {
        const state = settled(ref);
        const params = request.params;
        const interaction = createInteraction(state, {
          channel: params.requiredObject('Channel'),
          routing: params.object('Routing'),
          interactionContextSid: params.string('InteractionContextSid'),
          webhookTtid: params.string('WebhookTtid'),
        });
        return created(serializeInteraction(state, interaction, serializeContext(state, request)));
      },
    },
    {
      method: 'GET',
      pattern: '/flex-api/v1/Interactions/:Sid',
      handler: (request) => {
        const state = settled(ref);
        return ok(serializeInteraction(state, interactionOf(state, request), serializeContext(state, request)));
      },
    },
    {
      method: 'GET',
      pattern: '/flex-api/v1/Interactions/:InteractionSid/Channels',
      handler: (request) => {
        const state = settled(ref);
        const interaction = interactionOf(state, request);
        const channels = state.interactions.channels.filter((channel) => channel.interactionSid === interaction.sid);
        const ctx = serializeContext(state, request);
        return ok(listPage(request, channels, { key: 'channels', serialize: (channel) => serializeInteractionChannel(channel, ctx), sequenceOf: (sid) => state.interactions.channels.sequenceOf(sid) }));
      },
    },
    {
      method: 'GET',
      pattern: '/flex-api/v1/Interactions/:InteractionSid/Channels/:Sid',
      handler: (request) => {
        const state = settled(ref);
        return ok(serializeInteractionChannel(channelOf(state, request), serializeContext(state, request)));
      },
    },
    {
      method: 'POST',
      pattern: '/flex-api/v1/Interactions/:InteractionSid/Channels/:Sid',
      handler: (request) => {
        const state = settled(ref);
        const params = request.params;
        const status = params.oneOf('Status', ['closed', 'inactive'] as const) ?? 'closed';
        const channel = updateInteractionChannel(state, channelOf(state, request), status, params.object('Routing'));
        return ok(serializeInteractionChannel(channel, serializeContext(state, request)));
      },
    },
    {
      method: 'GET',
      pattern: '/flex-api/v1/Interactions/:InteractionSid/Channels/:ChannelSid/Invites',
      handler: (request) => {
        const state = settled(ref);
        const channel = channelOf(state, request);
        const ctx = serializeContext(state, request);
        return ok(listPage(request, state.interactions.invitesOf(channel.sid), { key: 'invites', serialize: (invite) => serializeInteractionInvite(invite, ctx), sequenceOf: (sid) => state.interactions.invites.sequenceOf(sid) }));
      },
    },
    {
      method: 'POST',
      pattern: '/flex-api/v1/Interactions/:InteractionSid/Channels/:ChannelSid/Invites',
      handler: (request) => {
        const state = settled(ref);
        const invite = createInvite(state, channelOf(state, request), request.params.requiredObject('Routing'));
        return created(serializeInteractionInvite(invite, serializeContext(state, request)));
      },
    },
    {
      method: 'GET',
      pattern: '/flex-api/v1/Interactions/:InteractionSid/Channels/:ChannelSid/Participants',
      handler: (request) => {
        const state = settled(ref);
        const channel = channelOf(state, request);
        const ctx = serializeContext(state, request);
        return ok(listPage(request, state.interactions.participantsOf(channel.sid), { key: 'participants', serialize: (participant) => serializeInteractionParticipant(participant, ctx), sequenceOf: (sid) => state.interactions.participants.sequenceOf(sid) }));
      },
    },
    {
      method: 'POST',
      pattern: '/flex-api/v1/Interactions/:InteractionSid/Channels/:ChannelSid/Participants',
      handler: (request) => {
        const state = settled(ref);
        const params = request.params;
        const participant = addChannelParticipant(state, channelOf(state, request), {
          type: params.oneOf('Type', INTERACTION_PARTICIPANT_TYPES) ?? 'unknown',
          mediaProperties: params.requiredObject('MediaProperties'),
          routingProperties: params.object('RoutingProperties'),
        });
        return created(serializeInteractionParticipant(participant, serializeContext(state, request)));
      },
    },
    {
      method: 'POST',
      pattern: '/flex-api/v1/Interactions/:InteractionSid/Channels/:ChannelSid/Participants/:Sid',
      handler: (request) => {
        const state = settled(ref);
        const channel = channelOf(state, request);
        const participant = state.interactions.participants.get(request.pathParams.Sid);
        const status = request.params.oneOf('Status', ['closed', 'wrapup'] as const) ?? 'closed';
        const updated = updateChannelParticipant(state, found(participant?.channelSid === channel.sid ? participant : undefined, request), status);
        return ok(serializeInteractionParticipant(updated, serializeContext(state, request)));
      },
    },
  ];
}
