import { ContentTemplateCatalog } from '../content/content-template-catalog';
import type { FlexFlowDirectory } from '../flex-flows/flex-flow-directory';
import { systemClock, type Clock } from '../ports/clock.port';
import type { ConsentRecorderPort, ConsentRegisterPort } from '../ports/consent-register.port';
import type { CustomerWindowPort } from '../ports/customer-window.port';
import type { Journal } from '../ports/journal.port';
import type { PairLock } from '../ports/pair-lock.port';
import type { TwilioPorts } from '../ports/twilio-ports.port';
import type { TwilioRetrier } from '../retry/twilio-retrier';
import type { PhoneNumber } from '../value-objects/phone-number.value-object';
import { CHAT_PROXY_ONLY, type OutboundMode, type OutboundModePolicy } from './outbound-mode';
import { SenderModeDirectory } from './sender-modes';

/** The Twilio ports the outbound flows call (their Flex Flows come from the FlexFlowDirectory's cache). */
export type OutboundPorts = Pick<TwilioPorts, 'chatChannels' | 'messages' | 'proxySessions' | 'tasks' | 'conversations' | 'interactions'>;

/** Everything the outbound SMS use cases run on. */
export interface OutboundSmsDependencies extends OutboundPorts {
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
  /** Who opted out of which sender: checked before every send, taught by Twilio's 21610. Unset = no register. */
  consent?: ConsentRegisterPort & ConsentRecorderPort;
}

/** The SDK client's default request timeout (libs/twilio-adapter). */
export const DEFAULT_IN_FLIGHT_SETTLE_MS = 30_000;

export interface OutboundSmsDependencyOptions {
  /** The outbound flows' ports; Address Configurations and workspaces find each number's mode, Content its templates. */
  ports: OutboundPorts & Partial<Pick<TwilioPorts, 'addressConfigurations' | 'workspaces' | 'content'>>;
  /** The account's Flex Flows, cached. The API shares one with its Flex Flow routes, which empty it after a change. */
  flexFlowDirectory: FlexFlowDirectory;
  /** The retry policy of every Twilio call a request makes. */
  retrier: TwilioRetrier;
  journal: Journal;
  pairLock: PairLock;
  clock?: Clock;
  scheduleFollowUp?: (requestId: string) => void;
  inFlightSettleMs?: number;
  /** Chat + Proxy for every number unless given. */
  outboundModes?: OutboundModePolicy;
  customerWindows?: CustomerWindowPort;
  consent?: ConsentRegisterPort & ConsentRecorderPort;
}

/** Wires the dependencies in one call (the API's outbound module does only this). */
export function createOutboundSmsDependencies(options: OutboundSmsDependencyOptions): OutboundSmsDependencies {
  const { chatChannels, messages, proxySessions, tasks, conversations, interactions, addressConfigurations, workspaces, content } = options.ports;
  const clock = options.clock ?? systemClock;
  const { flexFlowDirectory, retrier } = options;
  const senderModes = new SenderModeDirectory({
    policy: options.outboundModes ?? CHAT_PROXY_ONLY,
    flexFlowDirectory,
    clock,
    retrier,
    addressConfigurations,
    workspaces,
  });
  return {
    chatChannels,
    messages,
    proxySessions,
    tasks,
    conversations,
    interactions,
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
    consent: options.consent,
  };
}
