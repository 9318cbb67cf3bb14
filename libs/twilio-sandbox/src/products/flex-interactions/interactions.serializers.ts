import type { SandboxState } from '../../core/state';
import type { SerializeContext } from '../../http/serialize-context';
import { links } from '../../http/urls';
import type { Interaction, InteractionChannel, InteractionInvite, InteractionParticipant } from './interactions.store';

const interactionUrl = (ctx: SerializeContext, sid: string) => `${ctx.baseUrl}/flex-api/v1/Interactions/${sid}`;
const channelUrl = (ctx: SerializeContext, interactionSid: string, sid: string) => `${interactionUrl(ctx, interactionSid)}/Channels/${sid}`;
const epochSeconds = (date: Date | null) => (date ? Math.floor(date.getTime() / 1000) : null);

/** The task behind the interaction's first invite, as Flex shows it under `routing.properties` (dates in epoch seconds). */
function routingOf(state: SandboxState, interaction: Interaction) {
  const [invite] = state.interactions.invitesOf(interaction.channelSid);
  const task = invite && state.taskrouter.tasks.get(invite.taskSid);
  if (!task) return null;
  const workflow = state.taskrouter.workflows.get(task.workflowSid);
  const queue = task.taskQueueSid ? state.taskrouter.taskQueues.get(task.taskQueueSid) : undefined;
  const taskChannel = state.taskrouter.taskChannels.get(task.taskChannelSid);
  const age = Math.max(0, Math.floor((state.now().getTime() - task.dateCreated.getTime()) / 1000));
  return {
    reservation: null,
    properties: {
      sid: task.sid,
      workspace_sid: task.workspaceSid,
      workflow_sid: task.workflowSid,
      workflow_name: workflow?.friendlyName ?? null,
      queue_sid: task.taskQueueSid,
      queue_name: queue?.friendlyName ?? null,
      task_channel_sid: task.taskChannelSid,
      task_channel_unique_name: taskChannel?.uniqueName ?? null,
      assignment_status: task.assignmentStatus,
      attributes: task.attributes,
      priority: task.priority,
      timeout: task.timeout,
      reason: task.reason,
      age,
      age_in_queue: age,
      date_created: epochSeconds(task.dateCreated),
      date_updated: epochSeconds(task.dateUpdated),
      task_queue_entered_date: epochSeconds(task.taskQueueEnteredDate),
    },
  };
}

/** `flex.v1.interaction`: the channel as sent plus its SID, and the routing as the task now stands. */
export function serializeInteraction(state: SandboxState, interaction: Interaction, ctx: SerializeContext) {
  const url = interactionUrl(ctx, interaction.sid);
  const channel = state.interactions.channels.get(interaction.channelSid);
  return {
    sid: interaction.sid,
    channel: { ...interaction.channel, sid: interaction.channelSid, type: channel?.type ?? interaction.channel['type'] },
    routing: routingOf(state, interaction),
    url,
    links: links(url, { channels: 'Channels' }),
    interaction_context_sid: interaction.interactionContextSid,
    webhook_ttid: interaction.webhookTtid,
  };
}

/** `flex.v1.interaction.interaction_channel` */
export function serializeInteractionChannel(channel: InteractionChannel, ctx: SerializeContext) {
  const url = channelUrl(ctx, channel.interactionSid, channel.sid);
  return {
    sid: channel.sid,
    interaction_sid: channel.interactionSid,
    type: channel.type,
    status: channel.status,
    error_code: null,
    error_message: null,
    url,
    links: links(url, { participants: 'Participants', invites: 'Invites', transfers: 'Transfers' }),
  };
}

/** `flex.v1.interaction.interaction_channel.interaction_channel_invite` */
export function serializeInteractionInvite(invite: InteractionInvite, ctx: SerializeContext) {
  return {
    sid: invite.sid,
    interaction_sid: invite.interactionSid,
    channel_sid: invite.channelSid,
    routing: { ...invite.routing, task_sid: invite.taskSid },
    url: `${channelUrl(ctx, invite.interactionSid, invite.channelSid)}/Invites/${invite.sid}`,
  };
}

/** `flex.v1.interaction.interaction_channel.interaction_channel_participant` */
export function serializeInteractionParticipant(participant: InteractionParticipant, ctx: SerializeContext) {
  return {
    sid: participant.sid,
    type: participant.type,
    interaction_sid: participant.interactionSid,
    channel_sid: participant.channelSid,
    url: `${channelUrl(ctx, participant.interactionSid, participant.channelSid)}/Participants/${participant.sid}`,
    routing_properties: participant.routingProperties,
  };
}
