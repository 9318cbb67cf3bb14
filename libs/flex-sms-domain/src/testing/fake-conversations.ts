import { ConversationAddressInUse, ResourceNotFound } from '../errors';
import type { Clock } from '../ports/clock.port';
import type { Conversation, ConversationMessage, ConversationParticipant, ConversationPort } from '../ports/conversation.port';
import type { InteractionPort, SmsInteraction } from '../ports/interaction.port';
import type { Task } from '../ports/task.port';

/** Conversations and Flex Interactions operations, as the fake's call log names them. */
export type FakeConversationsOperation =
  | 'createConversation'
  | 'fetchConversation'
  | 'removeConversation'
  | 'addSmsParticipant'
  | 'listConversationParticipants'
  | 'attachStudioFlow'
  | 'postConversationMessage'
  | 'listRecentConversationMessages'
  | 'listConversations'
  | 'closeConversation'
  | 'createSmsInteraction'
  | 'closeInteractionChannel'
  | 'listOpenTasksOfConversation';

export const FAKE_CONVERSATION_SERVICE = 'IS' + '0'.repeat(31) + '2';

/** What FakeTwilio lends the Conversations fake: its call log (rounds, injected failures), SIDs and tasks. */
export interface FakeTwilioCore {
  call<T>(operation: FakeConversationsOperation, effect: () => T): Promise<T>;
  sid(prefix: string): string;
  tasks: Map<string, Task>;
  clock: Clock;
}

const OPEN_TASK = ['pending', 'reserved', 'assigned', 'wrapping'];

/**
 * Conversations' and the Interactions API's behaviour the domain relies on: one binding per address/proxy address in
 * conversations that are not closed (50416 naming the holder), Interactions creating the conversation, the customer
 * participant and a task whose attributes name the conversation (or reusing a given conversation).
 */
export class FakeConversations {
  readonly conversations = new Map<string, Conversation>();
  readonly participants = new Map<string, ConversationParticipant[]>();
  readonly webhooks = new Map<string, string[]>();
  readonly messages = new Map<string, ConversationMessage[]>();
  readonly interactions = new Map<string, SmsInteraction>();
  /** Interaction channels closed (by UO SID). */
  readonly closedInteractionChannels = new Set<string>();

  constructor(private readonly core: FakeTwilioCore) {}

  /** An existing conversation of the customer with the number, optionally held by an agent's task. */
  seed(options: {
    customer: string;
    proxyAddress: string;
    taskStatus?: Task['assignmentStatus'];
    workspaceSid?: string;
    createdAgoMs?: number;
    state?: Conversation['state'];
  }): {
    conversationSid: string;
    taskSid: string | null;
  } {
    const conversation = this.insertConversation({ friendlyName: `SMS ${options.customer}`, uniqueName: null, attributes: {} });
    conversation.dateCreated = new Date(this.core.clock.now() - (options.createdAgoMs ?? 0));
    if (options.state) conversation.state = options.state;
    this.insertParticipant(conversation.sid, options.customer, options.proxyAddress);
    let taskSid: string | null = null;
    if (options.taskStatus && options.workspaceSid) {
      taskSid = this.core.sid('WT');
      this.core.tasks.set(taskSid, {
        sid: taskSid,
        workspaceSid: options.workspaceSid,
        assignmentStatus: options.taskStatus,
        attributes: { conversationSid: conversation.sid },
      });
    }
    return { conversationSid: conversation.sid, taskSid };
  }

  readonly conversationPort: ConversationPort = {
    createConversation: (request) =>
      this.core.call('createConversation', () =>
        copy(this.insertConversation({ friendlyName: request.friendlyName, uniqueName: request.uniqueName, attributes: request.attributes ?? {} })),
      ),
    fetchConversation: (sidOrUniqueName) => this.core.call('fetchConversation', () => copy(this.find(sidOrUniqueName) ?? null)),
    removeConversation: (conversationSid) =>
      this.core.call('removeConversation', () => {
        this.conversations.delete(conversationSid);
        this.participants.delete(conversationSid);
        this.webhooks.delete(conversationSid);
        this.messages.delete(conversationSid);
      }),
    addSmsParticipant: (conversationSid, participant) =>
      this.core.call('addSmsParticipant', () => {
        this.require(conversationSid);
        this.checkPairFree(participant.address, participant.proxyAddress);
        return copy(this.insertParticipant(conversationSid, participant.address, participant.proxyAddress));
      }),
    listParticipants: (conversationSid) => this.core.call('listConversationParticipants', () => copy(this.participants.get(conversationSid) ?? [])),
    attachStudioFlow: (conversationSid, studioFlowSid) =>
      this.core.call('attachStudioFlow', () => {
        this.require(conversationSid);
        this.webhooks.set(conversationSid, [...(this.webhooks.get(conversationSid) ?? []), studioFlowSid]);
        return { sid: this.core.sid('WH') };
      }),
    postMessage: (conversationSid, message) =>
      this.core.call('postConversationMessage', () => {
        this.require(conversationSid);
        const list = this.messages.get(conversationSid) ?? [];
        const posted: ConversationMessage = {
          sid: this.core.sid('IM'),
          conversationSid,
          author: message.author,
          body: message.body ?? '',
          index: list.length,
          attributes: structuredClone(message.attributes ?? {}),
          dateCreated: new Date(this.core.clock.now()),
        };
        list.push(posted);
        this.messages.set(conversationSid, list);
        return copy(posted);
      }),
    listRecentMessages: (conversationSid, limit) =>
      this.core.call('listRecentConversationMessages', () => copy([...(this.messages.get(conversationSid) ?? [])].reverse().slice(0, limit))),
    listConversations: (request) =>
      this.core.call('listConversations', () => {
        const matching = [...this.conversations.values()].filter(
          (conversation) =>
            (request.state === undefined || conversation.state === request.state) &&
            (request.createdBefore === undefined || conversation.dateCreated <= request.createdBefore),
        );
        const start = Number(request.pageToken ?? 0);
        const end = start + request.pageSize;
        return copy({ items: matching.slice(start, end), nextPageToken: end < matching.length ? String(end) : null });
      }),
    closeConversation: (conversationSid) =>
      this.core.call('closeConversation', () => {
        const conversation = this.conversations.get(conversationSid);
        if (!conversation || conversation.state === 'closed') return false;
        conversation.state = 'closed';
        return true;
      }),
  };

  readonly interactionPort: InteractionPort = {
    createSmsInteraction: (request) =>
      this.core.call('createSmsInteraction', () => {
        let conversation: Conversation;
        if (request.mediaConversationSid) {
          conversation = this.require(request.mediaConversationSid);
        } else {
          this.checkPairFree(request.address, request.proxyAddress);
          conversation = this.insertConversation({ friendlyName: null, uniqueName: null, attributes: {} });
          this.insertParticipant(conversation.sid, request.address, request.proxyAddress);
        }
        const taskSid = this.core.sid('WT');
        const attributes = { ...request.routing.attributes, conversationSid: conversation.sid };
        this.core.tasks.set(taskSid, { sid: taskSid, workspaceSid: request.routing.workspaceSid, assignmentStatus: 'pending', attributes });
        const interaction: SmsInteraction = {
          sid: this.core.sid('KD'),
          channelSid: this.core.sid('UO'),
          conversationSid: conversation.sid,
          taskSid,
          workspaceSid: request.routing.workspaceSid,
        };
        this.interactions.set(interaction.sid, interaction);
        return copy(interaction);
      }),
    closeInteractionChannel: (interactionSid, interactionChannelSid) =>
      this.core.call('closeInteractionChannel', () => {
        const interaction = this.interactions.get(interactionSid);
        if (!interaction || interaction.channelSid !== interactionChannelSid || this.closedInteractionChannels.has(interactionChannelSid))
          return false;
        // As Flex does: the channel's tasks end and its conversation is closed with it.
        this.closedInteractionChannels.add(interactionChannelSid);
        const task = this.core.tasks.get(interaction.taskSid);
        if (task && OPEN_TASK.includes(task.assignmentStatus)) task.assignmentStatus = 'completed';
        const conversation = this.conversations.get(interaction.conversationSid);
        if (conversation) conversation.state = 'closed';
        return true;
      }),
    listOpenTasksOfConversation: (workspaceSid, conversationSid) =>
      this.core.call('listOpenTasksOfConversation', () =>
        copy(
          [...this.core.tasks.values()].filter(
            (task) =>
              task.workspaceSid === workspaceSid && OPEN_TASK.includes(task.assignmentStatus) && task.attributes.conversationSid === conversationSid,
          ),
        ),
      ),
  };

  private insertConversation(input: { friendlyName: string | null; uniqueName: string | null; attributes: Record<string, unknown> }): Conversation {
    const conversation: Conversation = {
      sid: this.core.sid('CH'),
      chatServiceSid: FAKE_CONVERSATION_SERVICE,
      state: 'active',
      dateCreated: new Date(this.core.clock.now()),
      ...input,
    };
    this.conversations.set(conversation.sid, conversation);
    return conversation;
  }

  private insertParticipant(conversationSid: string, address: string, proxyAddress: string): ConversationParticipant {
    const participant: ConversationParticipant = { sid: this.core.sid('MB'), conversationSid, identity: null, address, proxyAddress };
    this.participants.set(conversationSid, [...(this.participants.get(conversationSid) ?? []), participant]);
    return participant;
  }

  private checkPairFree(address: string, proxyAddress: string): void {
    for (const [conversationSid, participants] of this.participants) {
      const conversation = this.conversations.get(conversationSid);
      if (conversation?.state === 'closed') continue;
      if (participants.some((participant) => participant.address === address && participant.proxyAddress === proxyAddress)) {
        throw new ConversationAddressInUse(
          `A binding for this participant and proxy address already exists in Conversation ${conversationSid}`,
          50416,
          conversationSid,
        );
      }
    }
  }

  private find(sidOrUniqueName: string): Conversation | undefined {
    return (
      this.conversations.get(sidOrUniqueName) ?? [...this.conversations.values()].find((conversation) => conversation.uniqueName === sidOrUniqueName)
    );
  }

  private require(conversationSid: string): Conversation {
    const conversation = this.conversations.get(conversationSid);
    if (!conversation) throw new ResourceNotFound('Conversation', conversationSid, 20404);
    return conversation;
  }
}

function copy<T>(value: T): T {
  return structuredClone(value);
}
