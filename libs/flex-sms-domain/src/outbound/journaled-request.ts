import { DomainError, RecipientOptedOut, toErrorRecord } from '../errors';
import { TWILIO_ACTOR, consentRecipientOf } from '../ports/consent-register.port';
import type { BegunRequest, OutboundRequestRecord, UndoneRecord } from '../ports/journal.port';
import { pairLockKey } from '../ports/pair-lock.port';
import type { OutboundSmsDependencies } from './outbound-dependencies';
import type { OutboundSmsResult } from './outbound-sms.result';
import { StepRecorder } from './step-recorder';
import { executeUndo, planUndo } from './undo';

/**
 * The guarantees every outbound request has, whichever way the number carries it: requests for one pair run one at
 * a time; the journal sees the request before Twilio does and each step by the time recovery would need it
 * (StepRecorder); a failure undoes what this request created (never what it reused) and says so. On PostgreSQL the
 * lock is taken by the journal's first write and released by its last, so a request costs the database as few round
 * trips as its steps need. A request that lost its pair lock on the way undoes nothing
 * itself: another request for the customer may have picked up what it made since; crash recovery (ResolveInFlight)
 * settles it under the lock, keeping what a later request answered with. Twilio's refusal of an opted-out recipient
 * (21610) teaches the consent register, and the caller gets the register's refusal once what was created is undone.
 */
export async function runJournaledRequest(
  deps: OutboundSmsDependencies,
  record: OutboundRequestRecord,
  converse: (steps: StepRecorder) => Promise<OutboundSmsResult>,
): Promise<OutboundSmsResult> {
  const lockKey = pairLockKey(record.fromNumber, record.toNumber);
  const result = await deps.pairLock.withLock(
    lockKey,
    async (lock) => {
      // Begun under the lock (taken by this very write where the adapter can), so ResolveInFlight (which takes the
      // same lock) never mistakes a live request for a crashed one. The same write asks the consent register: a
      // customer who opted out of the sender is refused before anything is created in Twilio.
      const { id: requestId, optOut } = await begin(deps, record);
      const steps = new StepRecorder(deps.journal, requestId, deps.clock, lock);
      try {
        if (optOut) throw new RecipientOptedOut(optOut.recipient, optOut.scope, optOut.since, optOut.source);
        const succeeded = await converse(steps);
        await steps.finish({ status: 'succeeded', finishedAt: new Date(deps.clock.now()), result: { ...succeeded } });
        return succeeded;
      } catch (error) {
        // Left in flight in the journal, for recovery.
        if (lock.isLost) throw error;
        // Recovery works from the journal: what the steps made is in it before anything is undone, in case the
        // process dies undoing. The undo itself works from the steps in memory; a journal that cannot take them
        // now must not hide the error.
        await steps.flush().catch(() => undefined);
        const undone = await executeUndo(deps, planUndo(steps.steps), `Outbound SMS request ${requestId} failed`);
        const refusal = await learnedOptOut(deps, record, error);
        await steps.finish({
          status: undone.length > 0 ? 'rolled_back' : 'failed',
          finishedAt: new Date(deps.clock.now()),
          error: toErrorRecord(refusal),
          undone,
        });
        throw annotated(refusal, requestId, undone);
      }
    },
    { withJournal: true },
  );
  if (result.pendingSteps.length > 0) deps.scheduleFollowUp?.(result.id);
  return result;
}

/** Twilio's error for a recipient who replied STOP to the sender (or is blocked for the account). */
export const TWILIO_UNSUBSCRIBED_RECIPIENT = 21610;

/**
 * The request begun, and the opt-out that forbids its recipient from its sender if the register has one. The scope
 * asked is the sender number, which the request names: this product sends from numbers, never through a Messaging
 * Service, so no account read is needed to know which scope Twilio would apply (one that sends through a service would
 * ask about its MG SID too, which the register keeps as a scope of its own).
 */
async function begin(deps: OutboundSmsDependencies, record: OutboundRequestRecord): Promise<BegunRequest> {
  const startedAt = new Date(deps.clock.now());
  // The journal reads the same register (one database) in its write; wiring without a register asks nobody.
  if (!deps.consent) return { id: await deps.journal.begin(record, startedAt), optOut: null };
  return deps.journal.beginAskingConsent(record, startedAt, { recipient: consentRecipientOf(record.toNumber), scope: record.fromNumber });
}

/**
 * Twilio refused the recipient with 21610: the register learns the opt-out, so the next send is refused before Twilio,
 * and the caller gets the register's refusal. Should the register fail to record it, Twilio's error stands.
 */
async function learnedOptOut(deps: OutboundSmsDependencies, record: OutboundRequestRecord, error: unknown): Promise<unknown> {
  if (!deps.consent || !(error instanceof DomainError) || error.twilioCode !== TWILIO_UNSUBSCRIBED_RECIPIENT) return error;
  try {
    const optOut = await deps.consent.recordOptOut({
      recipient: consentRecipientOf(record.toNumber),
      scope: record.fromNumber,
      source: 'twilio-21610',
      actor: TWILIO_ACTOR,
      reason: `Twilio refused the send with 21610: ${error.message}`,
      at: new Date(deps.clock.now()),
    });
    return new RecipientOptedOut(optOut.recipient, optOut.scope, optOut.since, optOut.source, TWILIO_UNSUBSCRIBED_RECIPIENT);
  } catch {
    return error;
  }
}

/** The caller learns which request failed and what was undone, without losing the error's own code. */
function annotated(error: unknown, requestId: string, undone: UndoneRecord[]): unknown {
  if (error instanceof DomainError) Object.assign(error.details, { requestId, undone });
  return error;
}
