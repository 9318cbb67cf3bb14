import type { JournalEntry, UndoneRecord } from '../../ports/journal.port';
import { pairLockKey } from '../../ports/pair-lock.port';
import type { OutboundSmsDependencies } from '../../steps/outbound-dependencies';
import { executeUndo, planUndo } from '../../steps/undo';
import { CompletePendingSteps, type PendingStepsReport } from '../complete-pending-steps/complete-pending-steps.usecase';

export interface InFlightResolution {
  /** In flight when the process stopped; what they created was undone. */
  rolledBack: { requestId: string; undone: UndoneRecord[] }[];
  /** Answered, with follow-up work the process did not get to. */
  followedUp: PendingStepsReport[];
}

type Deps = Pick<OutboundSmsDependencies, 'journal' | 'pairLock' | 'clock' | 'chatChannels' | 'proxySessions' | 'tasks' | 'retrier' | 'inFlightSettleMs'>;

/** The error recorded on a request the process stopped in the middle of. */
export const INTERRUPTED = { code: 'INTERRUPTED', message: 'The process stopped while this request was in flight; what it created was undone.' };

/**
 * At start-up: no request is forgotten. One left in flight never answered its caller, so what it created is undone
 * (a half-built conversation must not reach an agent); one that answered with follow-up work gets it finished.
 */
export class ResolveInFlight {
  private readonly pendingSteps: CompletePendingSteps;

  constructor(private readonly deps: Deps) {
    this.pendingSteps = new CompletePendingSteps(deps);
  }

  async execute(): Promise<InFlightResolution> {
    const resolution: InFlightResolution = { rolledBack: [], followedUp: [] };
    for (const entry of await this.deps.journal.listUnresolved()) {
      if (entry.status === 'in_flight') {
        const rolledBack = await this.rollBack(entry);
        if (rolledBack) resolution.rolledBack.push(rolledBack);
      } else {
        resolution.followedUp.push(await this.pendingSteps.execute(entry.id));
      }
    }
    return resolution;
  }

  private rollBack(stale: JournalEntry): Promise<InFlightResolution['rolledBack'][number] | null> {
    // The same lock a live request holds from `begin` to `finish`: if another instance is still running it, wait for it.
    return this.deps.pairLock.withLock(pairLockKey(stale.fromNumber, stale.toNumber), async () => {
      const entry = await this.deps.journal.get(stale.id);
      if (!entry || entry.status !== 'in_flight') return null;
      await this.settle(entry);
      const undone = await executeUndo(this.deps, planUndo(entry.steps), `Outbound SMS request ${entry.id} was interrupted`);
      const at = new Date(this.deps.clock.now());
      for (const pending of entry.pendingSteps.filter((step) => step.status === 'pending')) {
        await this.deps.journal.settlePendingStep(entry.id, pending.name, { status: 'failed', at, error: INTERRUPTED });
      }
      await this.deps.journal.finish(entry.id, { status: undone.length > 0 ? 'rolled_back' : 'failed', finishedAt: at, error: INTERRUPTED, undone });
      return { requestId: entry.id, undone };
    });
  }

  /**
   * A request the dead process had sent may still be processed by Twilio until the client's timeout has passed: wait
   * for it (holding the pair's lock, so no new request for this conversation sees a half-built state meanwhile).
   */
  private async settle(entry: JournalEntry): Promise<void> {
    const lastActivity = Math.max(entry.startedAt.getTime(), ...entry.steps.map((step) => step.finishedAt.getTime()));
    const wait = lastActivity + this.deps.inFlightSettleMs - this.deps.clock.now();
    if (wait > 0) await this.deps.clock.sleep(wait);
  }
}
