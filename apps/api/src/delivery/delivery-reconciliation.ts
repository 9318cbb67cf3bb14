import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { ReconcileDeliveries, systemClock, type Clock, type MessageDeliveryPort, type ReconcileRun } from '@flex-sms/domain';
import { AppConfig } from '../config/app-config';
import { PublishingDeliveryObserver } from './delivery-observer';
import { MESSAGE_DELIVERY } from './delivery.tokens';
import { SqlDeliveryLog } from './sql-delivery-log';

/** Replaced in tests to move time without waiting. */
export const DELIVERY_CLOCK = Symbol('DELIVERY_CLOCK');
export const DEFAULT_DELIVERY_CLOCK: Clock = systemClock;

/** Twilio keeps Message resources for 400 days, but a carrier that said nothing for three days never will. */
const GIVE_UP_AFTER_MS = 3 * 24 * 60 * 60_000;
/** Up to two Twilio requests each: a run stays well inside a minute's tick and the account's concurrency. */
const BATCH_SIZE = 100;

/** Runs ReconcileDeliveries every DELIVERY_RECONCILE_EVERY_MS on whichever instance claims the run. */
@Injectable()
export class DeliveryReconciliation implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('DeliveryReconciliation');
  private readonly reconcile: ReconcileDeliveries;
  private timer?: NodeJS.Timeout;
  private running?: Promise<unknown>;

  constructor(
    private readonly config: AppConfig,
    log: SqlDeliveryLog,
    observer: PublishingDeliveryObserver,
    @Inject(MESSAGE_DELIVERY) twilio: MessageDeliveryPort,
    @Inject(DELIVERY_CLOCK) clock: Clock,
  ) {
    const { reconcileAfterMs, reconcileEveryMs } = config.delivery;
    this.reconcile = new ReconcileDeliveries(
      { log, twilio, clock, observer },
      // The lease a run takes is most of a tick: a crashed instance's run is taken over at the next one.
      {
        afterMs: reconcileAfterMs,
        maxAgeMs: Math.max(GIVE_UP_AFTER_MS, reconcileAfterMs),
        batchSize: BATCH_SIZE,
        leaseMs: Math.floor(reconcileEveryMs * 0.9),
      },
    );
  }

  onApplicationBootstrap(): void {
    const every = this.config.delivery.reconcileEveryMs;
    if (every > 0) {
      this.timer = setInterval(
        () =>
          void this.runOnce().catch((error: unknown) =>
            this.logger.warn(`Reconciliation failed: ${error instanceof Error ? error.message : String(error)}`),
          ),
        every,
      );
      this.timer.unref();
    }
  }

  async beforeApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running?.catch(() => undefined);
  }

  /** One run now (the timer's, or a test's); one at a time in this process. */
  async runOnce(): Promise<ReconcileRun> {
    while (this.running) await this.running.catch(() => undefined);
    const run = this.reconcile.run();
    this.running = run.finally(() => (this.running = undefined));
    const result = await run;
    if (result.settled || result.failed)
      this.logger.log(`Reconciled ${result.checked} send(s): ${result.settled} settled, ${result.failed} could not be read`);
    return result;
  }
}
