import { Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import type { OutboundEvent } from '../events/outbound-events';
import { PREPARED, type Queryable } from '../store/database';
import { callbackBody, dedupeKeyOf } from './system-callback';

/** One INSERT … SELECT, its parameters numbered from `$first`: for a statement of its own or a part of a larger one. */
export interface OutboxInsert {
  sql: string;
  params: unknown[];
}

/**
 * The outbox row of a change, written by whoever records the change, in the same transaction (the journal's finish,
 * the delivery log's record): a crash between recording a change and queueing its callback would lose the callback.
 * Queued when the request has somewhere to report to: its own statusCallbackUrl, else its API key's callbackUrl, the
 * key not revoked and holding a signing secret (requests of console users or the bootstrap key have no key to sign
 * with, so nothing). A change written twice is queued once (its dedupe key).
 */
export function outboxInsert(event: OutboundEvent, at: Date, first: number): OutboxInsert {
  const id = newEventId();
  const p = (n: number) => `$${first + n}`;
  return {
    sql: `INSERT INTO system_callback (id, request_id, event, dedupe_key, url, api_key_id, body, status, attempts, next_attempt_at, created_at)
       SELECT ${p(0)}, r.id, ${p(1)}, ${p(2)}, coalesce(r.status_callback_url, k.callback_url), k.id, ${p(3)}, 'pending', 0, ${p(4)}, ${p(4)}
       FROM outbound_request r JOIN api_key k ON k.id = substr(r.caller, 9)
       WHERE r.id = ${p(5)} AND substr(r.caller, 1, 8) = 'api-key:' AND coalesce(r.status_callback_url, k.callback_url) IS NOT NULL AND k.callback_secret IS NOT NULL AND k.revoked_at IS NULL
       ON CONFLICT (dedupe_key) DO NOTHING`,
    params: [id, event.kind, dedupeKeyOf(event), callbackBody(id, event), at, event.requestId],
  };
}

/** Queues the change's callback on `tx` (a transaction recording the change); true when one was queued now. */
export function enqueueCallback(tx: Queryable, event: OutboundEvent, at: Date): Promise<boolean> {
  return runOutboxInsert(tx, outboxInsert(event, at, 1));
}

/** Runs an outbox insert numbered from $1 as a statement of its own on `tx`; true when it wrote a row. */
export async function runOutboxInsert(tx: Queryable, insert: OutboxInsert): Promise<boolean> {
  return (await tx.query(`${insert.sql} RETURNING id`, insert.params, PREPARED)).length > 0;
}

/**
 * The outbox as the writers of changes see it: the row to write with a change (`insert`, in the change's own statement
 * or transaction), and the word that one was written (`queued`, once that has committed), on which the sender wakes.
 * Most changes queue nothing (a send with no callback URL, a console user's request): they cost the sender nothing,
 * where waking it on every change cost a claim statement per send.
 */
@Injectable()
export class SystemCallbackOutbox {
  private readonly listeners: Array<() => void> = [];

  insert(event: OutboundEvent, at: Date, first: number): OutboxInsert {
    return outboxInsert(event, at, first);
  }

  /** Called after the commit: before it, the sender's claim could miss the row and wait for its next poll. */
  queued(): void {
    for (const listener of this.listeners) listener();
  }

  onQueued(listener: () => void): void {
    this.listeners.push(listener);
  }
}

/** Random, like request ids: an event id tells nothing about other events. */
function newEventId(): string {
  return `evt_${randomBytes(12).toString('hex')}`;
}
