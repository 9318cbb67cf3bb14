import type { Clock } from './clock';
import type { SandboxEffect } from './outbox';
import { SidFactory, type SidPrefix } from './sid';
import { Api2010Store } from '../products/api2010/api2010.store';
import { ChatStore } from '../products/chat/chat.store';
import { ContentStore } from '../products/content/content.store';
import { ConversationsStore } from '../products/conversations/conversations.store';
import { FlexStore } from '../products/flex/flex.store';
import { HandsetStore } from '../controls/handset.store';
import { InteractionsStore } from '../products/flex-interactions/interactions.store';
import { ProxyStore } from '../products/proxy/proxy.store';
import { StudioStore } from '../products/studio/studio.store';
import { TaskRouterStore } from '../products/taskrouter/taskrouter.store';

export interface AccountCredentials {
  accountSid: string;
  authToken: string;
}

/**
 * Everything one sandbox account holds, in memory, one store per Twilio product. Handlers mutate it synchronously
 * (no await between a read and the write it decides), so concurrent requests never interleave inside a mutation.
 */
export class SandboxState {
  readonly flex = new FlexStore();
  readonly chat = new ChatStore();
  readonly proxy = new ProxyStore();
  readonly taskrouter = new TaskRouterStore();
  readonly studio = new StudioStore();
  readonly api = new Api2010Store();
  readonly conversations = new ConversationsStore();
  readonly interactions = new InteractionsStore();
  readonly content = new ContentStore();
  readonly handsets = new HandsetStore();
  /** Effects of the handlers that ran, not yet drained (never saved: drained right after each request). */
  readonly outbox: SandboxEffect[] = [];
  private readonly sids: SidFactory;

  constructor(
    readonly account: AccountCredentials,
    readonly clock: Clock,
    sidSeed: string,
    sidsIssued = 0,
  ) {
    this.sids = new SidFactory(sidSeed, sidsIssued);
  }

  /** Seed and count of the SID factory: a restored state must never hand out a SID again. */
  get sidCounter(): { seed: string; issued: number } {
    return { seed: this.sids.seed, issued: this.sids.issued };
  }

  sid(prefix: SidPrefix): string {
    return this.sids.next(prefix);
  }

  now(): Date {
    return this.clock.now();
  }
}

/** The current state; `reset` swaps it for a freshly seeded one. */
export interface StateRef {
  current: SandboxState;
}
