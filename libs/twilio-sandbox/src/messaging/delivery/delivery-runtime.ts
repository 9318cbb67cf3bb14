import type { CallbackDispatcher } from '../../callbacks/callback-dispatcher';
import type { TwilioCallback } from '../../callbacks/twilio-callback';
import type { SandboxState, StateRef } from '../../core/state';
import { planCallbackCopies } from '../../faults/callback-faults';
import type { CallbackFaults } from '../../faults/fault-config';
import type { SerializeContext } from '../../http/serialize-context';
import { isFinalStatus, type SmsMessage } from '../../products/api2010/api2010.store';
import { interactionCallbacks } from '../../products/proxy/interaction-callbacks';
import { advanceSms, applySmsStatus } from './sms-delivery';

export interface DeliverySettings {
  /** Milliseconds between two steps of an SMS (`queued` → `sent` → final); 0: as soon as the event loop allows. */
  stepDelayMs: number;
}

/** Small, so a test or a person at the console sees the steps without waiting on them. */
export const DEFAULT_STEP_DELAY_MS = 100;

/**
 * The part of the sandbox that runs on after the REST answers: it drains the state's outbox (core/outbox.ts) after
 * each request, announces each new SMS's status, moves each one a step on after the step delay (a slow handset's
 * own delay), and hands the callbacks to the dispatcher. The plan of each message is in the state (its
 * `plannedOutcome`), so a restarted sandbox resumes where it stopped (`resume`); a reset drops what was pending.
 */
export class DeliveryRuntime {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  /** The sandbox's own URL, for the resource URLs callbacks carry; set once it listens. */
  baseUrl = 'http://127.0.0.1';

  /** `callbackFaults`: what `/_sandbox/faults` says to do to delivery callbacks now (read at each one). */
  constructor(
    private readonly ref: StateRef,
    private readonly dispatcher: CallbackDispatcher,
    readonly settings: DeliverySettings,
    private readonly changed?: () => void,
    private readonly callbackFaults: () => CallbackFaults = () => ({}),
  ) {}

  /** Runs what the handlers left in the current state's outbox; a fault here is logged, never thrown at a socket's event. */
  flush(): void {
    try {
      this.drain();
    } catch (error) {
      console.error('[twilio-sandbox] delivery failed', error);
    }
  }

  private drain(): void {
    const state = this.ref.current;
    for (let effect = state.outbox.shift(); effect; effect = state.outbox.shift()) {
      if (effect.kind === 'callback') this.send(state, [effect.callback]);
      if (effect.kind === 'proxy-interaction') {
        const interaction = state.proxy.interactions.get(effect.interactionSid);
        if (interaction) this.send(state, interactionCallbacks(state, interaction, this.context(state)));
      }
      if (effect.kind === 'sms-out') {
        const sms = state.api.messages.get(effect.smsSid);
        if (!sms) continue;
        this.sendDelivery(state, applySmsStatus(state, sms, this.context(state)));
        this.schedule(state, sms);
      }
    }
  }

  /** After a restart: every outbound SMS still on its way goes on from its current status. */
  resume(): void {
    const state = this.ref.current;
    for (const sms of state.api.messages.values()) if (sms.plannedOutcome && !isFinalStatus(sms.status)) this.schedule(state, sms);
  }

  /** The account was reset (or the sandbox closes): pending steps are dropped. */
  reset(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }

  private schedule(state: SandboxState, sms: SmsMessage): void {
    if (!sms.plannedOutcome || isFinalStatus(sms.status) || this.timers.has(sms.sid)) return;
    const delay = sms.plannedOutcome.delayMs ?? this.settings.stepDelayMs;
    const timer = setTimeout(() => {
      try {
        this.step(state, sms.sid);
      } catch (error) {
        console.error('[twilio-sandbox] delivery step failed', error);
      }
    }, delay);
    timer.unref();
    this.timers.set(sms.sid, timer);
  }

  private step(state: SandboxState, smsSid: string): void {
    this.timers.delete(smsSid);
    // A reset since: the message belongs to an account that is gone.
    if (state !== this.ref.current) return;
    const sms = state.api.messages.get(smsSid);
    if (!sms || !advanceSms(state, sms)) return;
    this.sendDelivery(state, applySmsStatus(state, sms, this.context(state)));
    this.flush();
    this.schedule(state, sms);
    this.changed?.();
  }

  private send(state: SandboxState, callbacks: TwilioCallback[]): void {
    for (const callback of callbacks) this.dispatcher.send(callback, state.account.authToken);
  }

  /** A message's status callbacks, through the callback faults: dropped, sent twice, held back and out of order. */
  private sendDelivery(state: SandboxState, callbacks: TwilioCallback[]): void {
    const faults = this.callbackFaults();
    for (const callback of callbacks) {
      const { delaysMs, unordered } = planCallbackCopies(faults);
      if (delaysMs.length === 0) this.dispatcher.drop(callback);
      for (const delayMs of delaysMs) this.dispatcher.send(callback, state.account.authToken, { delayMs, unordered });
    }
  }

  private context(state: SandboxState): SerializeContext {
    return { accountSid: state.account.accountSid, baseUrl: this.baseUrl };
  }
}
