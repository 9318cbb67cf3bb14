import { FlexFlowDirectory, type FlexFlowDirectoryOptions } from '../flex-flows/flex-flow-directory';
import { ContentTemplateCatalog } from '../content/content-template-catalog';
import type { ChatChannelPort } from '../ports/chat-channel.port';
import type { ContentPort } from '../ports/content.port';
import type { AddressConfigurationPort, ConversationPort } from '../ports/conversation.port';
import type { CustomerWindowPort } from '../ports/customer-window.port';
import type { InteractionPort } from '../ports/interaction.port';
import { mathRandom, systemClock, type Clock, type Random } from '../ports/clock.port';
import type { FlexFlowPort } from '../ports/flex-flow.port';
import type { Journal } from '../ports/journal.port';
import type { MessagePort } from '../ports/message.port';
import type { PairLock } from '../ports/pair-lock.port';
import type { ProxySessionPort } from '../ports/proxy-session.port';
import type { RetryObserver } from '../ports/retry-observer.port';
import type { TaskPort, WorkspacePort } from '../ports/task.port';
import type { RetryPolicy } from '../retry/retry-policy';
import { TwilioRetrier } from '../retry/twilio-retrier';
import type { PhoneNumber } from '../value-objects/phone-number.value-object';
import { LEGACY_ONLY, type OutboundMode, type OutboundModePolicy } from './outbound-mode';
import { SenderModeDirectory } from './sender-modes';

/** The Twilio-facing ports, as `createTwilioPorts` in the adapter builds them. */
export interface TwilioPorts {
  flexFlows: FlexFlowPort;
  chatChannels: ChatChannelPort;
  messages: MessagePort;
  proxySessions: ProxySessionPort;
  tasks: TaskPort;
  /** Flex Conversations mode. */
  conversations: ConversationPort;
  interactions: InteractionPort;
  /** Each number's mode, and the Studio flow of a Conversations number without Flex Flows. */
  addressConfigurations?: AddressConfigurationPort;
  /** Flex's workspace and workflow, for a Conversations number without a Task Flex Flow. */
  workspaces?: WorkspacePort;
  /** Content templates (WhatsApp and SMS sends by template). */
  content?: ContentPort;
}

/** Everything the outbound SMS use cases run on. */
export interface OutboundSmsDependencies extends Omit<TwilioPorts, 'flexFlows' | 'addressConfigurations' | 'workspaces' | 'content'> {
  flexFlowDirectory: FlexFlowDirectory;
  journal: Journal;
  pairLock: PairLock;
  clock: Clock;
  retrier: TwilioRetrier;
  /**
   * Called after a request answered with follow-up work recorded (the agent flow's channel attribute write); the API
   * runs CompletePendingSteps for it off the response path. Without it, ResolveInFlight finishes the work later.
   */
  scheduleFollowUp?: (requestId: string) => void;
  /**
   * How long a Twilio request may still land after the process that sent it died (the client's request timeout).
   * ResolveInFlight waits that long after an interrupted request's last activity before undoing it, so a create
   * that was still in flight is found and removed instead of appearing afterwards as an orphan.
   */
  inFlightSettleMs: number;
  /** Which way a Twilio number starts conversations (OUTBOUND_MODE, CONVERSATIONS_NUMBERS, else found from the account). */
  outboundMode: (fromNumber: PhoneNumber) => Promise<OutboundMode>;
  senderModes: SenderModeDirectory;
  /** Absent: sends by template are refused (no Content API port). */
  contentTemplates?: ContentTemplateCatalog;
  /** Absent: the product knows no customer's WhatsApp window, and free text to WhatsApp is refused. */
  customerWindows?: CustomerWindowPort;
}

/** The SDK client's default request timeout (libs/twilio-adapter). */
export const DEFAULT_IN_FLIGHT_SETTLE_MS = 30_000;

export interface OutboundSmsDependencyOptions {
  ports: TwilioPorts;
  journal: Journal;
  pairLock: PairLock;
  clock?: Clock;
  random?: Random;
  retryPolicy?: RetryPolicy;
  /** Told about every retry of a Twilio request (the API's metrics). */
  retryObserver?: RetryObserver;
  flexFlowCache?: FlexFlowDirectoryOptions;
  scheduleFollowUp?: (requestId: string) => void;
  inFlightSettleMs?: number;
  /** Legacy for every number unless given. */
  outboundModes?: OutboundModePolicy;
  customerWindows?: CustomerWindowPort;
}

/** Wires the dependencies in one call (the API's module does only this). */
export function createOutboundSmsDependencies(options: OutboundSmsDependencyOptions): OutboundSmsDependencies {
  const clock = options.clock ?? systemClock;
  const retrier = new TwilioRetrier(clock, options.random ?? mathRandom, options.retryPolicy, options.retryObserver);
  const { flexFlows, addressConfigurations, workspaces, content, ...ports } = options.ports;
  const flexFlowDirectory = new FlexFlowDirectory(flexFlows, clock, retrier, options.flexFlowCache);
  const senderModes = new SenderModeDirectory({ policy: options.outboundModes ?? LEGACY_ONLY, flexFlowDirectory, clock, retrier, addressConfigurations, workspaces });
  return {
    ...ports,
    flexFlowDirectory,
    senderModes,
    contentTemplates: content ? new ContentTemplateCatalog(content, clock, retrier) : undefined,
    customerWindows: options.customerWindows,
    journal: options.journal,
    pairLock: options.pairLock,
    clock,
    retrier,
    scheduleFollowUp: options.scheduleFollowUp,
    inFlightSettleMs: options.inFlightSettleMs ?? DEFAULT_IN_FLIGHT_SETTLE_MS,
    outboundMode: (fromNumber) => senderModes.modeOf(fromNumber),
  };
}
