import type { FlexFlowDirectory } from '../flex-flows/flex-flow-directory';
import { systemClock, type Clock } from '../ports/clock.port';
import type { ConsentRecorderPort, ConsentRegisterPort } from '../ports/consent-register.port';
import type { Journal } from '../ports/journal.port';
import type { PairLock } from '../ports/pair-lock.port';
import type { TwilioPorts } from '../ports/twilio-ports.port';
import type { TwilioRetrier } from '../retry/twilio-retrier';
import type { PhoneNumber } from '../value-objects/phone-number.value-object';
import { CHAT_PROXY_ONLY, outboundModeOf, type OutboundMode, type OutboundModePolicy } from './outbound-mode';

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
  /** Which way a Twilio number starts conversations (OUTBOUND_MODE, CONVERSATIONS_NUMBERS). */
  outboundMode: (fromNumber: PhoneNumber) => OutboundMode;
  /** Who opted out of which sender: checked before every send, taught by Twilio's 21610. Unset = no register. */
  consent?: ConsentRegisterPort & ConsentRecorderPort;
}

/** The SDK client's default request timeout (libs/twilio-adapter). */
export const DEFAULT_IN_FLIGHT_SETTLE_MS = 30_000;

export interface OutboundSmsDependencyOptions {
  ports: OutboundPorts;
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
  consent?: ConsentRegisterPort & ConsentRecorderPort;
}

/** Wires the dependencies in one call (the API's outbound module does only this). */
export function createOutboundSmsDependencies(options: OutboundSmsDependencyOptions): OutboundSmsDependencies {
  const { chatChannels, messages, proxySessions, tasks, conversations, interactions } = options.ports;
  return {
    chatChannels,
    messages,
    proxySessions,
    tasks,
    conversations,
    interactions,
    flexFlowDirectory: options.flexFlowDirectory,
    journal: options.journal,
    pairLock: options.pairLock,
    clock: options.clock ?? systemClock,
    retrier: options.retrier,
    scheduleFollowUp: options.scheduleFollowUp,
    inFlightSettleMs: options.inFlightSettleMs ?? DEFAULT_IN_FLIGHT_SETTLE_MS,
    outboundMode: (fromNumber) => outboundModeOf(options.outboundModes ?? CHAT_PROXY_ONLY, fromNumber),
    consent: options.consent,
  };
}
