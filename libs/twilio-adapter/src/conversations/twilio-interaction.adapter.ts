import type { CreateSmsInteractionRequest, InteractionPort, SmsInteraction, Task, TaskAssignmentStatus } from '@flex-sms/domain';
import type twilio from 'twilio';
import { parseAttributes } from '../errors/json-attributes';
import { callTwilio, callTwilioOrNull } from '../errors/twilio-error.mapper';

/** Task statuses in which an agent has, or is being offered, the conversation. */
const OPEN_TASK_STATUSES: TaskAssignmentStatus[] = ['pending', 'reserved', 'assigned', 'wrapping'];

/** Flex API v1 Interactions, and the TaskRouter look-up of the tasks Flex made for a conversation. */
export class TwilioInteractionAdapter implements InteractionPort {
  constructor(private readonly client: twilio.Twilio) {}

  async createSmsInteraction(request: CreateSmsInteractionRequest): Promise<SmsInteraction> {
    const { routing } = request;
    const channel = {
      type: request.channelType,
      initiated_by: 'agent',
      ...(request.mediaConversationSid
        ? { properties: { media_channel_sid: request.mediaConversationSid } }
        : { participants: [{ address: request.address, proxy_address: request.proxyAddress }] }),
    };
    const properties = {
      workspace_sid: routing.workspaceSid,
      workflow_sid: routing.workflowSid,
      task_channel_unique_name: routing.taskChannelUniqueName,
      ...(routing.workerSid ? { worker_sid: routing.workerSid } : {}),
      attributes: routing.attributes,
    };
    const interaction = await callTwilio({ resource: 'Flex Interaction' }, () =>
      this.client.flexApi.v1.interaction.create({ channel, routing: { properties } }),
    );
    return toSmsInteraction(interaction.sid, interaction.channel, interaction.routing, routing.workspaceSid);
  }

  async closeInteractionChannel(interactionSid: string, interactionChannelSid: string): Promise<boolean> {
    const closed = await callTwilioOrNull({ resource: 'Flex Interaction Channel', sid: interactionChannelSid }, () =>
      // Routing.status closed: the channel's tasks are closed too, not left wrapping for an agent.
      this.client.flexApi.v1
        .interaction(interactionSid)
        .channels(interactionChannelSid)
        .update({ status: 'closed', routing: { status: 'closed' } }),
    );
    return closed !== null;
  }

  async listOpenTasksOfConversation(workspaceSid: string, conversationSid: string): Promise<Task[]> {
    const tasks = await callTwilio({ resource: 'Tasks', sid: workspaceSid }, () =>
      this.client.taskrouter.v1.workspaces(workspaceSid).tasks.list({
        assignmentStatus: OPEN_TASK_STATUSES,
        evaluateTaskAttributes: `conversationSid == "${conversationSid}"`,
        limit: 50,
      }),
    );
    // Filtered here too: the expression is TaskRouter's, and a server that ignores it must not widen the answer.
    return tasks
      .map((task) => ({
        sid: task.sid,
        workspaceSid: task.workspaceSid,
        assignmentStatus: task.assignmentStatus as TaskAssignmentStatus,
        attributes: parseAttributes(task.attributes),
      }))
      .filter((task) => OPEN_TASK_STATUSES.includes(task.assignmentStatus) && task.attributes.conversationSid === conversationSid);
  }
}

/**
 * The Interaction answer names its channel (`channel.sid`) and the task it created (`routing.properties.sid`); the
 * conversation is in the task attributes Flex writes (`conversationSid`), or the `media_channel_sid` sent.
 */
function toSmsInteraction(sid: string, channel: unknown, routing: unknown, workspaceSid: string): SmsInteraction {
  const channelObject = (channel ?? {}) as { sid?: string; properties?: { media_channel_sid?: string } };
  const properties = ((routing ?? {}) as { properties?: { sid?: string; workspace_sid?: string; attributes?: unknown } }).properties ?? {};
  const attributes =
    typeof properties.attributes === 'string' ? parseAttributes(properties.attributes) : ((properties.attributes ?? {}) as Record<string, unknown>);
  const conversationSid = (attributes.conversationSid as string | undefined) ?? channelObject.properties?.media_channel_sid;
  if (!channelObject.sid || !properties.sid || !conversationSid) {
    throw new Error(`Flex Interaction ${sid}: the answer names no channel, task or conversation`);
  }
  return { sid, channelSid: channelObject.sid, conversationSid, taskSid: properties.sid, workspaceSid: properties.workspace_sid ?? workspaceSid };
}
