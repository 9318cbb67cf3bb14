import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { DispatchCampaignRecipients } from '@flex-sms/domain';
import { OutboundEvents } from '../events/outbound-events';
import { InFlightRecovery } from '../outbound/in-flight-recovery';
import { InstancePresence } from '../store/instance-presence';
import { CAMPAIGN_OPTIONS, type CampaignOptions } from './campaigns.tokens';

/**
 * Runs campaigns in this API instance: `concurrency` loops (CAMPAIGN_SEND_CONCURRENCY) claim and send recipients
 * (DispatchCampaignRecipients); while there is no work one loop polls for it and the others wait to be woken, so
 * the loop count costs no database queries when idle; and while no campaign runs at all (housekeeping asks) not even
 * that loop polls: an idle API costs its database the housekeeping's few statements every `housekeepingMs`, not a
 * claim transaction every `idlePollMs`;
 * a timer starts scheduled campaigns and settles the claims of instances that died (asking crash recovery to settle
 * their sends still in flight first). At start it does both first,
 * so a restarted instance resumes the campaigns where they were. Delivery statuses (OutboundEvents) count carrier
 * filtering against the campaign's threshold.
 */
@Injectable()
export class CampaignRunner implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Campaigns');
  private stopping = false;
  private loops: Promise<void>[] = [];
  private timer?: NodeJS.Timeout;
  private wakers = new Set<() => void>();
  /** Whether an idle loop is waiting out a poll interval; the other idle loops are parked until woken. */
  private polling = false;
  private parked = new Set<() => void>();
  /**
   * Whether some campaign may be running, as housekeeping last found (or a campaign was created or resumed here since):
   * true at start, so a restarted instance resumes at once. Another instance's new campaign is seen within
   * `housekeepingMs`.
   */
  private campaignsRunning = true;

  constructor(
    private readonly dispatch: DispatchCampaignRecipients,
    private readonly presence: InstancePresence,
    private readonly events: OutboundEvents,
    private readonly recovery: InFlightRecovery,
    @Inject(CAMPAIGN_OPTIONS) private readonly options: CampaignOptions,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.events.onOutbound({
      onOutboundEvent: async (event) => {
        if (event.kind === 'delivery') await this.dispatch.recordDelivery(event.requestId, event.status, event.errorCode);
      },
    });
    await this.housekeeping();
    this.timer = setInterval(() => void this.housekeeping(), this.options.housekeepingMs);
    this.timer.unref();
    this.loops = Array.from({ length: this.options.concurrency }, () => this.loop());
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    if (this.timer) clearInterval(this.timer);
    this.wake();
    // Sends in flight finish and settle; what is not claimed yet stays queued for the next start.
    await Promise.all(this.loops);
  }

  /** A campaign was created or resumed: idle loops look for work now rather than at their next poll. */
  wake(): void {
    this.campaignsRunning = true;
    for (const waker of this.wakers) waker();
  }

  private async loop(): Promise<void> {
    let polled = false;
    while (!this.stopping) {
      try {
        const result = await this.dispatch.dispatchNext(this.presence.instanceId);
        if (result.kind === 'idle') {
          polled = await this.idle();
          continue;
        }
        // Work found by the loop that polled: it has just appeared (a campaign started by another instance, a
        // sender's slot open again), so every parked loop joins in, as for a campaign created here (`wake`). Found by
        // a busy loop: one parked loop joins in, and wakes the next if it finds work too; one that finds none parks
        // again, so a loop that parked on a momentary miss comes back, for at most one extra claim per send.
        if (polled) this.wake();
        else this.parked.values().next().value?.();
        polled = false;
      } catch (error) {
        this.logger.warn(`Campaign send loop: ${error instanceof Error ? error.message : String(error)}`);
        polled = await this.idle();
      }
    }
  }

  /**
   * Waits for work: one idle loop polls every `idlePollMs` while campaigns run, the others (and that one, when none
   * runs) until woken. True for the one that polled.
   */
  private idle(): Promise<boolean> {
    const poll = !this.polling && this.campaignsRunning;
    if (poll) this.polling = true;
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        if (poll) this.polling = false;
        this.wakers.delete(done);
        this.parked.delete(done);
        resolve(poll);
      };
      const timer = poll ? setTimeout(done, this.options.idlePollMs) : undefined;
      this.wakers.add(done);
      if (!poll) this.parked.add(done);
    });
  }

  private async housekeeping(): Promise<void> {
    try {
      const started = await this.dispatch.startDue();
      const running = await this.dispatch.anyRunning();
      const joined = running && !this.campaignsRunning;
      this.campaignsRunning = running;
      const { settled, awaitingRecovery } = await this.dispatch.reconcile((instanceId) => this.presence.isAlive(instanceId));
      // A dead instance's sends still in flight: crash recovery settles them (after the Twilio request timeout), and
      // the next round settles their recipients from the journal.
      if (awaitingRecovery) this.recovery.recoverAbandoned();
      if (started.length) this.logger.log(`Started scheduled campaign(s) ${started.join(', ')}`);
      if (settled) this.logger.log(`Settled ${settled} recipient(s) an instance left claimed`);
      if (started.length || settled || joined) this.wake();
    } catch (error) {
      this.logger.warn(`Campaign housekeeping failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}
