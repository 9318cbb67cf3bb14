import type { SandboxState, StateRef } from '../../core/state';
import { found } from '../../http/lookup';
import { resourceRoutes } from '../../http/resource-routes';
import type { Route, TwilioRequest } from '../../http/route';
import { settleAllTimers } from '../conversations/conversations.service';
import { addChannelParticipant, createInvite, updateChannelParticipant, updateInteractionChannel } from './interaction-channels.service';
import { createInteraction } from './interactions.service';
import { INTERACTION_PARTICIPANT_TYPES } from './interactions.store';
import {
  serializeInteraction,
  serializeInteractionChannel,
  serializeInteractionInvite,
  serializeInteractionParticipant,
} from './interactions.serializers';

function interactionOf(state: SandboxState, request: TwilioRequest) {
  return found(state.interactions.interactions.get(request.pathParams.InteractionSid ?? request.pathParams.Sid), request);
}

function channelOf(state: SandboxState, request: TwilioRequest) {
  const interaction = interactionOf(state, request);
  return found(state.interactions.channelOf(interaction.sid, request.pathParams.ChannelSid ?? request.pathParams.Sid), request);
}

/** Flex API v1 Interactions: Interactions, their Channels, and each channel's Invites and Participants. */
export function interactionsRoutes(ref: StateRef): Route[] {
  // Interactions sit on Conversations: bindings and states must be as the conversation timers have left them.
  const route = resourceRoutes(ref, { prepare: settleAllTimers });
  const channel = '/flex-api/v1/Interactions/:InteractionSid/Channels/:ChannelSid';
  return [
    route.create('/flex-api/v1/Interactions', (request, state, ctx) => {
      const params = request.params;
      const interaction = createInteraction(state, {
        channel: params.requiredObject('Channel'),
        routing: params.object('Routing'),
        interactionContextSid: params.string('InteractionContextSid'),
        webhookTtid: params.string('WebhookTtid'),
      });
      return serializeInteraction(state, interaction, ctx);
    }),
    route.fetch('/flex-api/v1/Interactions/:Sid', (request, state, ctx) => serializeInteraction(state, interactionOf(state, request), ctx)),
    route.list('/flex-api/v1/Interactions/:InteractionSid/Channels', (request, state) => {
      const interactionSid = interactionOf(state, request).sid;
      const channels = state.interactions.channels.filter((candidate) => candidate.interactionSid === interactionSid);
      return { key: 'channels', items: channels, collection: state.interactions.channels, serialize: serializeInteractionChannel };
    }),
    route.fetch('/flex-api/v1/Interactions/:InteractionSid/Channels/:Sid', (request, state, ctx) => {
      return serializeInteractionChannel(channelOf(state, request), ctx);
    }),
    route.update('/flex-api/v1/Interactions/:InteractionSid/Channels/:Sid', (request, state, ctx) => {
      const params = request.params;
      const status = params.oneOf('Status', ['closed', 'inactive'] as const) ?? 'closed';
      return serializeInteractionChannel(updateInteractionChannel(state, channelOf(state, request), status, params.object('Routing')), ctx);
    }),
    route.list(`${channel}/Invites`, (request, state) => {
      const items = state.interactions.invitesOf(channelOf(state, request).sid);
      return { key: 'invites', items, collection: state.interactions.invites, serialize: serializeInteractionInvite };
    }),
    route.create(`${channel}/Invites`, (request, state, ctx) => {
      return serializeInteractionInvite(createInvite(state, channelOf(state, request), request.params.requiredObject('Routing')), ctx);
    }),
    route.list(`${channel}/Participants`, (request, state) => {
      const items = state.interactions.participantsOf(channelOf(state, request).sid);
      return { key: 'participants', items, collection: state.interactions.participants, serialize: serializeInteractionParticipant };
    }),
    route.create(`${channel}/Participants`, (request, state, ctx) => {
      const params = request.params;
      const participant = addChannelParticipant(state, channelOf(state, request), {
        type: params.oneOf('Type', INTERACTION_PARTICIPANT_TYPES) ?? 'unknown',
        mediaProperties: params.requiredObject('MediaProperties'),
        routingProperties: params.object('RoutingProperties'),
      });
      return serializeInteractionParticipant(participant, ctx);
    }),
    route.update(`${channel}/Participants/:Sid`, (request, state, ctx) => {
      const channelSid = channelOf(state, request).sid;
      const participant = state.interactions.participants.get(request.pathParams.Sid);
      const status = request.params.oneOf('Status', ['closed', 'wrapup'] as const) ?? 'closed';
      const updated = updateChannelParticipant(state, found(participant?.channelSid === channelSid ? participant : undefined, request), status);
      return serializeInteractionParticipant(updated, ctx);
    }),
  ];
}
