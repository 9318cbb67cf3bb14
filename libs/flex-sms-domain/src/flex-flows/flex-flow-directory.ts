import { FlexFlowNotFound } from '../errors';
import type { Clock } from '../ports/clock.port';
import type { FlexFlow, FlexFlowIntegrationType, FlexFlowPort } from '../ports/flex-flow.port';
import { IDEMPOTENT, type TwilioRetrier } from '../retry/twilio-retrier';
import type { PhoneNumber } from '../value-objects/phone-number.value-object';
import { selectFlexFlow } from './select-flex-flow';

export interface FlexFlowDirectoryOptions {
  /** How long a fetched list of Flex Flows is trusted. Flows change rarely, and changes made through the product call `invalidate()`. */
  ttlMs?: number;
  /**
   * A miss (no flow for a number) re-reads the list once, in case the flow was just created in the Console, but
   * not more often than this, so requests for an unconfigured number cannot hammer the Flex API.
   */
  missRefreshAfterMs?: number;
}

interface CachedFlows {
  flows: FlexFlow[];
  fetchedAt: number;
}

/** The account's Flex Flows, cached: finding a number's flow costs no Twilio request while the cache is warm. */
export class FlexFlowDirectory {
  private cached?: CachedFlows;
  private loading?: Promise<CachedFlows>;
  /** Bumped by `invalidate()`, so a list that was loading during a change is not cached as fresh. */
  private generation = 0;
  private readonly ttlMs: number;
  private readonly missRefreshAfterMs: number;

  constructor(
    private readonly port: FlexFlowPort,
    private readonly clock: Clock,
    private readonly retrier: TwilioRetrier,
    options: FlexFlowDirectoryOptions = {},
  ) {
    this.ttlMs = options.ttlMs ?? 60_000;
    this.missRefreshAfterMs = options.missRefreshAfterMs ?? 5_000;
  }

  /** The number's `sms` flow of this integration type; `FlexFlowNotFound` / `FlexFlowDisabled` otherwise. */
  async find(number: PhoneNumber, integrationType: FlexFlowIntegrationType): Promise<FlexFlow> {
    const current = await this.current();
    try {
      return selectFlexFlow(current.flows, number, integrationType);
    } catch (error) {
      const age = this.clock.now() - current.fetchedAt;
      if (!(error instanceof FlexFlowNotFound) || age < this.missRefreshAfterMs) throw error;
      this.invalidate();
      return selectFlexFlow((await this.current()).flows, number, integrationType);
    }
  }

  async list(): Promise<FlexFlow[]> {
    return [...(await this.current()).flows];
  }

  /** Forgets the cached list: call it after creating, changing or deleting a Flex Flow. */
  invalidate(): void {
    this.cached = undefined;
    this.loading = undefined;
    this.generation++;
  }

  private async current(): Promise<CachedFlows> {
    if (this.cached && this.clock.now() - this.cached.fetchedAt < this.ttlMs) return this.cached;
    // Requests arriving while the list loads share one Flex API call.
    if (!this.loading) {
      const loading = this.load(this.generation).finally(() => {
        if (this.loading === loading) this.loading = undefined;
      });
      this.loading = loading;
    }
    return this.loading;
  }

  private async load(generation: number): Promise<CachedFlows> {
    const flows = await this.retrier.run('list Flex Flows', () => this.port.listFlexFlows(), IDEMPOTENT);
    const loaded = { flows, fetchedAt: this.clock.now() };
    if (generation === this.generation) this.cached = loaded;
    return loaded;
  }
}
