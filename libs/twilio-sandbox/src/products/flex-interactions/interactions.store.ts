import { Collection } from '../../core/collection';

export const INTERACTION_CHANNEL_TYPES = ['voice', 'sms', 'email', 'web', 'whatsapp', 'chat', 'messenger', 'gbm'] as const;
export type InteractionChannelType = (typeof INTERACTION_CHANNEL_TYPES)[number];
export type InteractionChannelStatus = 'setup' | 'active' | 'failed' | 'closed' | 'inactive';
export const INTERACTION_PARTICIPANT_TYPES = ['supervisor', 'customer', 'external', 'agent', 'unknown'] as const;
export type InteractionParticipantType = (typeof INTERACTION_PARTICIPANT_TYPES)[number];

/** A Flex Interaction: one contact with a customer, on one channel (this release of the API holds a single channel). */
export interface Interaction {
  sid: string;
  channelSid: string;
  /** The Channel object as it was sent (type, initiated_by, participants, properties). */
  channel: Record<string, unknown>;
  interactionContextSid: string | null;
  webhookTtid: string | null;
  dateCreated: Date;
}

/** The media behind an interaction: for sms, a Conversation. */
export interface InteractionChannel {
  sid: string;
  interactionSid: string;
  type: InteractionChannelType;
  status: InteractionChannelStatus;
  conversationSid: string;
  dateCreated: Date;
  dateUpdated: Date;
}

/** An Invite: a TaskRouter task offering the channel to an agent (the interaction's first task is one too). */
export interface InteractionInvite {
  sid: string;
  interactionSid: string;
  channelSid: string;
  taskSid: string;
  routing: Record<string, unknown>;
}

export interface InteractionParticipant {
  sid: string;
  interactionSid: string;
  channelSid: string;
  type: InteractionParticipantType;
  conversationParticipantSid: string | null;
  routingProperties: Record<string, unknown> | null;
  status: 'active' | 'wrapup' | 'closed';
}

export class InteractionsStore {
  readonly interactions = new Collection<Interaction>();
  readonly channels = new Collection<InteractionChannel>();
  readonly invites = new Collection<InteractionInvite>();
  readonly participants = new Collection<InteractionParticipant>();

  channelOf(interactionSid: string, channelSid: string): InteractionChannel | undefined {
    const channel = this.channels.get(channelSid);
    return channel?.interactionSid === interactionSid ? channel : undefined;
  }

  invitesOf(channelSid: string): InteractionInvite[] {
    return this.invites.filter((invite) => invite.channelSid === channelSid);
  }

  participantsOf(channelSid: string): InteractionParticipant[] {
    return this.participants.filter((participant) => participant.channelSid === channelSid);
  }
}
