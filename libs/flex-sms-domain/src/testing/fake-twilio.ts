import { DuplicateUniqueName, ProxyIdentifierInUse, ResourceNotFound } from '../errors';
import type { ChatChannel, ChatChannelPort, CreateFlexChannelRequest, FlexChannel } from '../ports/chat-channel.port';
import type { Clock } from '../ports/clock.port';
import type { FlexFlow, FlexFlowPort } from '../ports/flex-flow.port';
import type { ChatMessage, MessagePort, PostMessageRequest } from '../ports/message.port';
import type { CreateProxySessionRequest, ProxyParticipant, ProxySession, ProxySessionPort } from '../ports/proxy-session.port';
import type { Task, TaskPort } from '../ports/task.port';
import type { OutboundPorts } from '../outbound/outbound-dependencies';
import { FakeConversations, type FakeConversationsOperation } from './fake-conversations';

/** Port operations, as the call log names them. */
export type FakeOperation =
  | 'listFlexFlows'
  | 'createFlexChannel'
  | 'fetchChannel'
  | 'fetchFlexChannel'
  | 'updateChannelAttributes'
  | 'removeChannel'
  | 'listChannelsOfUser'
  | 'postMessage'
  | 'listRecentMessages'
  | 'fetchSession'
  | 'createSession'
  | 'closeSession'
  | 'removeSession'
  | 'listParticipants'
  | 'fetchTask'
  | 'cancelTask'
  | FakeConversationsOperation;

interface InjectedFailure {
  error: () => Error;
  /** The operation takes effect, then the error is thrown (a response lost on the way back). */
  afterEffect: boolean;
}

interface FakeChannel {
  chat: ChatChannel;
  flexFlowSid: string;
  identity: string;
  target: string;
  userSid: string;
  taskSid: string | null;
}

export const FAKE_CHAT_SERVICE = 'IS' + '0'.repeat(31) + '1';
export const FAKE_WORKSPACE = 'WS' + '0'.repeat(31) + '1';

/**
 * Twilio's Flex, Chat, Proxy and TaskRouter behaviour that the domain relies on, in memory, behind the domain's
 * ports: Flex hands back a customer's active channel, Proxy enforces unique names (80603) and one active
 * identifier/proxy-identifier pair (80604). Records every call with its "round" — the number of sequential
 * Twilio round trips before it — so tests can assert the critical path, and fails on demand.
 */
export class FakeTwilio {
  readonly flows: FlexFlow[] = [];
  readonly channels = new Map<string, FakeChannel>();
  readonly sessions = new Map<string, { session: ProxySession; participants: ProxyParticipant[] }>();
  readonly tasks = new Map<string, Task>();
  readonly messages = new Map<string, ChatMessage[]>();
  readonly calls: { operation: FakeOperation; round: number }[] = [];
  private readonly failures = new Map<FakeOperation, InjectedFailure[]>();
  private sequence = 0;
  private completedRound = 0;

  /** Conversations and Flex Interactions, on the same call log, SIDs and tasks. */
  readonly conversations: FakeConversations;

  constructor(private readonly clock: Clock) {
    this.conversations = new FakeConversations({
      call: (operation, effect) => this.call(operation, effect),
      sid: (prefix) => this.sid(prefix),
      tasks: this.tasks,
      clock,
    });
  }

  // ─── Test set-up ───

  addFlow(overrides: Partial<FlexFlow> & Pick<FlexFlow, 'contactIdentity' | 'integrationType'>): FlexFlow {
    const flow: FlexFlow = {
      sid: this.sid('FO'),
      friendlyName: `${overrides.integrationType} flow for ${overrides.contactIdentity}`,
      chatServiceSid: FAKE_CHAT_SERVICE,
      channelType: 'sms',
      enabled: overrides.integrationType !== 'task',
      integration:
        overrides.integrationType === 'task'
          ? { workspaceSid: FAKE_WORKSPACE, workflowSid: this.sid('WW'), channel: this.sid('TC') }
          : { flowSid: this.sid('FW') },
      longLived: false,
      janitorEnabled: true,
      ...overrides,
    };
    this.flows.push(flow);
    return flow;
  }

  /** Makes the next call(s) of `operation` fail; `afterEffect` fails them after they took effect. */
  failNext(operation: FakeOperation, error: () => Error, options: { times?: number; afterEffect?: boolean } = {}): void {
    const queue = this.failures.get(operation) ?? [];
    for (let i = 0; i < (options.times ?? 1); i++) queue.push({ error, afterEffect: options.afterEffect ?? false });
    this.failures.set(operation, queue);
  }

  clearFailures(): void {
    this.failures.clear();
  }

  operations(): FakeOperation[] {
    return this.calls.map((call) => call.operation);
  }

  count(operation: FakeOperation): number {
    return this.calls.filter((call) => call.operation === operation).length;
  }

  /** Sequential Twilio round trips so far (parallel calls count once). */
  criticalPath(): number {
    return Math.max(0, ...this.calls.map((call) => call.round));
  }

  resetLog(): void {
    this.calls.length = 0;
    this.completedRound = 0;
  }

  liveSessionsOf(identifier: string): ProxySession[] {
    return [...this.sessions.values()]
      .filter(({ session, participants }) => isLive(session) && participants.some((p) => p.identifier === identifier))
      .map(({ session }) => session);
  }

  ports(): OutboundPorts & { flexFlows: FlexFlowPort } {
    return {
      flexFlows: this.flexFlowPort,
      chatChannels: this.chatChannelPort,
      messages: this.messagePort,
      proxySessions: this.proxySessionPort,
      tasks: this.taskPort,
      conversations: this.conversations.conversationPort,
      interactions: this.conversations.interactionPort,
    };
  }

  // ─── Ports ───

  readonly flexFlowPort: FlexFlowPort = {
    listFlexFlows: () => this.call('listFlexFlows', () => this.flows.map((flow) => ({ ...flow }))),
  };

  readonly chatChannelPort: ChatChannelPort = {
    createFlexChannel: (request) => this.call('createFlexChannel', () => this.createFlexChannel(request)),
    fetchChannel: (_service, sidOrUniqueName) => this.call('fetchChannel', () => this.copyChannel(sidOrUniqueName)),
    fetchFlexChannel: (channelSid) =>
      this.call('fetchFlexChannel', () => {
        const channel = this.channels.get(channelSid);
        return channel ? this.flexView(channel) : null;
      }),
    updateChannelAttributes: (_service, channelSid, attributes) =>
      this.call('updateChannelAttributes', () => {
        const channel = this.requireChannel(channelSid);
        channel.chat.attributes = structuredClone(attributes);
        return this.copyChannel(channelSid) as ChatChannel;
      }),
    removeChannel: (_service, channelSid) =>
      this.call('removeChannel', () => {
        this.channels.delete(channelSid);
      }),
    listChannelsOfUser: (_service, identity) =>
      this.call('listChannelsOfUser', () => [...this.channels.values()].filter((c) => c.identity === identity).map((c) => c.chat.sid)),
  };

  readonly messagePort: MessagePort = {
    postMessage: (_service, channelSid, message) => this.call('postMessage', () => this.postMessage(channelSid, message)),
    listRecentMessages: (_service, channelSid, limit) =>
      this.call('listRecentMessages', () => [...(this.messages.get(channelSid) ?? [])].reverse().slice(0, limit)),
  };

  readonly proxySessionPort: ProxySessionPort = {
    fetchSession: (sidOrUniqueName) => this.call('fetchSession', () => this.findSession(sidOrUniqueName)?.session ?? null).then(copy),
    createSession: (request) => this.call('createSession', () => this.createSession(request)).then(copy),
    closeSession: (sessionSid) =>
      this.call('closeSession', () => {
        const found = this.sessions.get(sessionSid);
        if (!found) throw new ResourceNotFound('Proxy session', sessionSid, 20404);
        found.session.status = 'closed';
      }),
    removeSession: (sessionSid) =>
      this.call('removeSession', () => {
        this.sessions.delete(sessionSid);
      }),
    listParticipants: (sessionSid) => this.call('listParticipants', () => (this.sessions.get(sessionSid)?.participants ?? []).map((p) => ({ ...p }))),
  };

  readonly taskPort: TaskPort = {
    fetchTask: (_workspace, taskSid) =>
      this.call('fetchTask', () => (this.tasks.has(taskSid) ? structuredClone(this.tasks.get(taskSid) as Task) : null)),
    cancelTask: (_workspace, taskSid) =>
      this.call('cancelTask', () => {
        const task = this.tasks.get(taskSid);
        if (task && ['pending', 'reserved'].includes(task.assignmentStatus)) task.assignmentStatus = 'canceled';
      }),
  };

  // ─── Behaviour ───

  private createFlexChannel(request: CreateFlexChannelRequest): FlexChannel {
    const existing = [...this.channels.values()].find(
      (c) => c.flexFlowSid === request.flexFlowSid && c.target === request.target && c.chat.attributes.status !== 'INACTIVE',
    );
    if (existing) return this.flexView(existing);
    const flow = this.flows.find((candidate) => candidate.sid === request.flexFlowSid);
    if (!flow) throw new ResourceNotFound('Flex Flow', request.flexFlowSid, 20404);
    const now = new Date(this.clock.now());
    const sid = this.sid('CH');
    let taskSid: string | null = null;
    if (flow.integrationType === 'task') {
      taskSid = this.sid('WT');
      this.tasks.set(taskSid, {
        sid: taskSid,
        workspaceSid: FAKE_WORKSPACE,
        assignmentStatus: 'pending',
        attributes: structuredClone(request.taskAttributes ?? {}),
      });
    }
    const channel: FakeChannel = {
      chat: {
        sid,
        serviceSid: flow.chatServiceSid,
        friendlyName: request.chatFriendlyName,
        uniqueName: request.chatUniqueName ?? null,
        attributes: { status: 'ACTIVE', from: request.chatUserFriendlyName, channel_type: 'sms', ...(taskSid ? { task_sid: taskSid } : {}) },
        dateCreated: now,
        dateUpdated: now,
      },
      flexFlowSid: flow.sid,
      identity: request.identity,
      target: request.target,
      userSid: this.sid('US'),
      taskSid,
    };
    this.channels.set(sid, channel);
    return this.flexView(channel);
  }

  /** Adds an existing conversation (channel + optional live session), as if made earlier by Flex or by us. */
  seedConversation(options: {
    flow: FlexFlow;
    identity: string;
    customer: string;
    inactive?: boolean;
    sessionStatus?: ProxySession['status'] | null;
    createdAgoMs?: number;
  }): {
    channelSid: string;
    sessionSid: string | null;
    taskSid: string | null;
  } {
    const created = new Date(this.clock.now() - (options.createdAgoMs ?? 3_600_000));
    const sid = this.sid('CH');
    const taskSid = options.flow.integrationType === 'task' ? this.sid('WT') : null;
    if (taskSid) this.tasks.set(taskSid, { sid: taskSid, workspaceSid: FAKE_WORKSPACE, assignmentStatus: 'assigned', attributes: {} });
    this.channels.set(sid, {
      chat: {
        sid,
        serviceSid: options.flow.chatServiceSid,
        friendlyName: `SMS ${options.customer}`,
        uniqueName: null,
        attributes: { status: options.inactive ? 'INACTIVE' : 'ACTIVE', ...(taskSid ? { task_sid: taskSid } : {}) },
        dateCreated: created,
        dateUpdated: created,
      },
      flexFlowSid: options.flow.sid,
      identity: options.identity,
      target: options.customer,
      userSid: this.sid('US'),
      taskSid,
    });
    let sessionSid: string | null = null;
    if (options.sessionStatus !== null) {
      const session = this.insertSession({
        uniqueName: sid,
        mode: 'message-only',
        participants: [
          { identifier: options.customer, proxyIdentifier: options.flow.contactIdentity },
          { identifier: sid, proxyIdentifier: options.flow.contactIdentity },
        ],
      });
      session.status = options.sessionStatus ?? 'open';
      sessionSid = session.sid;
      this.channels.get(sid)!.chat.attributes.proxySession = sessionSid;
    }
    return { channelSid: sid, sessionSid, taskSid };
  }

  private createSession(request: CreateProxySessionRequest): ProxySession {
    if ([...this.sessions.values()].some(({ session }) => session.uniqueName === request.uniqueName)) {
      throw new DuplicateUniqueName('Session UniqueName must be unique', 80603);
    }
    for (const participant of request.participants) {
      const clash = [...this.sessions.values()].find(
        ({ session, participants }) =>
          isLive(session) && participants.some((p) => p.identifier === participant.identifier && p.proxyIdentifier === participant.proxyIdentifier),
      );
      if (clash) throw new ProxyIdentifierInUse('Proxy identifier already in use with requested identifier', 80604);
    }
    return this.insertSession(request);
  }

  private insertSession(request: CreateProxySessionRequest): ProxySession {
    const now = new Date(this.clock.now());
    const session: ProxySession = {
      sid: this.sid('KC'),
      serviceSid: 'KS' + '0'.repeat(31) + '1',
      uniqueName: request.uniqueName,
      status: 'open',
      mode: request.mode,
      dateCreated: now,
      dateUpdated: now,
    };
    const participants = request.participants.map((p) => ({
      sid: this.sid('KP'),
      identifier: p.identifier,
      proxyIdentifier: p.proxyIdentifier ?? null,
      friendlyName: p.friendlyName ?? null,
    }));
    this.sessions.set(session.sid, { session, participants });
    return session;
  }

  private postMessage(channelSid: string, message: PostMessageRequest): ChatMessage {
    this.requireChannel(channelSid);
    const list = this.messages.get(channelSid) ?? [];
    const posted: ChatMessage = {
      sid: this.sid('IM'),
      channelSid,
      body: message.body,
      from: message.from ?? 'system',
      index: list.length,
      attributes: structuredClone(message.attributes ?? {}),
      dateCreated: new Date(this.clock.now()),
    };
    list.push(posted);
    this.messages.set(channelSid, list);
    return { ...posted };
  }

  private findSession(sidOrUniqueName: string) {
    return this.sessions.get(sidOrUniqueName) ?? [...this.sessions.values()].find(({ session }) => session.uniqueName === sidOrUniqueName);
  }

  private requireChannel(channelSid: string): FakeChannel {
    const channel = this.channels.get(channelSid);
    if (!channel) throw new ResourceNotFound('Chat channel', channelSid, 20404);
    return channel;
  }

  /** Chat addresses a channel by SID or by unique name. */
  private copyChannel(sidOrUniqueName: string): ChatChannel | null {
    const channel = this.channels.get(sidOrUniqueName) ?? [...this.channels.values()].find((c) => c.chat.uniqueName === sidOrUniqueName);
    return channel ? structuredClone(channel.chat) : null;
  }

  private flexView(channel: FakeChannel): FlexChannel {
    return {
      sid: channel.chat.sid,
      flexFlowSid: channel.flexFlowSid,
      userSid: channel.userSid,
      taskSid: channel.taskSid,
      dateCreated: channel.chat.dateCreated,
    };
  }

  private sid(prefix: string): string {
    return prefix + (++this.sequence).toString(16).padStart(32, '0');
  }

  /** Every call yields to the event loop, so calls made in parallel really overlap (and share a round). */
  private async call<T>(operation: FakeOperation, effect: () => T): Promise<T> {
    const round = this.completedRound + 1;
    this.calls.push({ operation, round });
    await new Promise((resolve) => setImmediate(resolve));
    try {
      const failure = this.failures.get(operation)?.shift();
      if (failure && !failure.afterEffect) throw failure.error();
      const result = effect();
      if (failure) throw failure.error();
      return result;
    } finally {
      this.completedRound = Math.max(this.completedRound, round);
    }
  }
}

function isLive(session: ProxySession): boolean {
  return session.status === 'open' || session.status === 'in-progress';
}

function copy<T>(value: T): T {
  return structuredClone(value);
}
