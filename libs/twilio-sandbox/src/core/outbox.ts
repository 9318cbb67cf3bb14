import type { TwilioCallback } from '../callbacks/twilio-callback';

/**
 * What a handler sets off beyond its answer, left in the state's outbox for the delivery runtime
 * (messaging/delivery/delivery-runtime.ts), which drains it once the handler has returned: an SMS that went out
 * (its delivery runs on from there, and its status is announced once every link to it is written), a Proxy
 * interaction to announce, and callbacks to make. Handlers stay synchronous and never wait on the network.
 */
export type SandboxEffect =
  | { kind: 'sms-out'; smsSid: string }
  /** An interaction recorded without an SMS leg of its own to announce it (a handset's SMS into a chat channel). */
  | { kind: 'proxy-interaction'; interactionSid: string }
  | { kind: 'callback'; callback: TwilioCallback };
